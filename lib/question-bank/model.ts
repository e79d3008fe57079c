/**
 * A lesson's questions as other systems import them (Moodle XML, GIFT, QTI 1.2): what each format is
 * written from. Answer keys are in it, so it is read for instructors only
 * (db/access/question-bank.ts).
 */
import type { QuestionContent } from "@/content/schema";

export type BankQuestion = {
  key: string;
  /** "Q1", "Q2"… in lesson order, as the gradebook and review name them. */
  label: string;
  passageTitle: string;
  content: QuestionContent;
  /** The text of every sentence an evidence question may cite, by id (its passage's, or the article's). */
  sentences: ReadonlyMap<string, string>;
};

export type QuestionBank = { lessonSlug: string; lessonTitle: string; questions: BankQuestion[] };

export const bankFormats = ["moodle-xml", "gift", "qti"] as const;
export type BankFormat = (typeof bankFormats)[number];

/** A question's name in the other system: its label and passage, so a teacher finds it in a bank of many. */
export function bankQuestionName(q: BankQuestion): string {
  return `${q.label} · ${q.passageTitle}`;
}

/**
 * Moodle's multiple-choice grades must be one of its listed fractions; 100/n for n = 1 to 10 all
 * are, written as Moodle writes them (33.33333, 12.5).
 */
export function fractionPercent(n: number): string {
  return String(Number((100 / n).toFixed(5)));
}

/**
 * What a grader needs for the questions the other system cannot mark itself: an open response's
 * rubric and exemplar, or the sentences an evidence question expects and why. Plain lines.
 */
export function graderNotes(q: BankQuestion): string[] {
  const c = q.content;
  if (c.type === "open_response")
    return [
      `Out of ${c.points} points. Rubric:`,
      ...c.rubric.map(
        (criterion) =>
          `${criterion.name}: ${criterion.levels.map((l) => `${l.points} ${l.label} (${l.description})`).join("; ")}`,
      ),
      `Exemplar: ${c.exemplar}`,
    ];
  if (c.type === "evidence")
    return [
      `Out of ${c.points} points. The sentences that support the claim:`,
      ...c.keySentences.map((id) => `“${q.sentences.get(id) ?? id}”`),
      ...(c.alsoAccepted?.length
        ? [
            "Fair to include, neither earning nor costing:",
            ...c.alsoAccepted.map((id) => `“${q.sentences.get(id) ?? id}”`),
          ]
        : []),
      `Why: ${c.explanation}`,
    ];
  return [];
}

/** An evidence question's prompt as an essay question asks it: quote the sentences. */
export function essayPrompt(q: BankQuestion): string {
  return q.content.type === "evidence"
    ? `${q.content.prompt} Quote the sentences of “${q.passageTitle}” that support your answer.`
    : q.content.prompt;
}
