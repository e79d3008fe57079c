/**
 * How a class's marks on a sentence read at a glance, for the instructor: how strongly it was
 * marked (a shade in four steps, always with the numbers beside it) and whether the class is split
 * between taking it as evidence and as opinion — the confusion close reading is meant to expose.
 */
import { markTags, sentencesInRange, type MarkTag, type PassageTextModel } from "./marks";

export type TagCounts = Record<MarkTag, number>;

/** Below this many students, a count of one could be told apart: a class's marks are not shown at all. */
export const MIN_CLASS_FOR_MARKS = 3;

export type SentenceHeat = {
  /** 0 (nobody) to 4 (at least three in four students), by the most used tag. */
  level: 0 | 1 | 2 | 3 | 4;
  /** The tags used, most first (ties in the tags' own order), with their counts. */
  tags: { tag: MarkTag; count: number }[];
  /** At least a fifth of the class each took it as evidence and as opinion (and at least two students each). */
  split: boolean;
};

export function sentenceHeat(counts: TagCounts | undefined, enrolled: number): SentenceHeat {
  const tags = markTags
    .map((tag) => ({ tag, count: counts?.[tag] ?? 0 }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count);
  const top = tags[0]?.count ?? 0;
  const share = enrolled > 0 ? top / enrolled : 0;
  const level = top === 0 ? 0 : share >= 0.75 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1;
  const enough = (n: number) => n >= 2 && enrolled > 0 && n / enrolled >= 0.2;
  return { level, tags, split: enough(counts?.evidence ?? 0) && enough(counts?.opinion ?? 0) };
}

/** The numbers as words, for a screen reader and a tooltip: "3 students tagged it Opinion, 2 Evidence". */
export function heatDescription(heat: SentenceHeat, label: (tag: MarkTag) => string): string {
  if (heat.tags.length === 0) return "Nobody marked this sentence.";
  const [first, ...rest] = heat.tags;
  const parts = [
    `${first!.count} ${first!.count === 1 ? "student" : "students"} tagged it ${label(first!.tag)}`,
    ...rest.map((t) => `${t.count} ${label(t.tag)}`),
  ];
  return `${parts.join(", ")}.${heat.split ? " The class is split between evidence and opinion." : ""}`;
}

/** One student's mark as counted for the class: who, on which passage, with which tag, where (null: not placed). */
export type CountedMark = { userId: string; passageId: string; tag: MarkTag; start: number | null; end: number | null };

/**
 * Students per tag for each sentence a mark touches. A student counts once per sentence and tag,
 * however many of their marks touch it; marks not placed, or on passages not given, count nowhere.
 */
export function countBySentence(
  passages: ReadonlyMap<string, { model: PassageTextModel }>,
  rows: readonly CountedMark[],
): Record<string, TagCounts> {
  const seen = new Set<string>();
  const result: Record<string, TagCounts> = {};
  for (const row of rows) {
    if (row.start === null || row.end === null) continue;
    const passage = passages.get(row.passageId);
    if (!passage) continue;
    for (const sentenceId of sentencesInRange(passage.model, { start: row.start, end: row.end })) {
      const key = `${row.userId} ${sentenceId} ${row.tag}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const counts = result[sentenceId] ?? (Object.fromEntries(markTags.map((t) => [t, 0])) as TagCounts);
      counts[row.tag]++;
      result[sentenceId] = counts;
    }
  }
  return result;
}
