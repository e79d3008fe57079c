/**
 * Writes lesson content into the database (used by `npm run content:import`, not by requests).
 * Rows are matched by the stable ids of the lesson files; nothing a learner's work may point at
 * (passages, questions) is ever deleted, only retired, and an edited question gets a new version.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { inTransaction, type Tx } from "../transaction";
import { changedRows } from "../dialect";
import { glossaryTerms, lessons, passages, questions, questionVersions, voices } from "../schema";
import type { LessonContent, QuestionContent } from "@/content/schema";
import { countWords, readingMinutes } from "@/lib/text";
import { reanchorPassageMarks } from "./marks";

export type ImportInput = { content: LessonContent; contentHash: string };

export type LessonImportReport = {
  slug: string;
  status: "created" | "updated" | "unchanged";
  questionsAdded: number;
  questionsChanged: number;
  questionsRetired: number;
  passagesRetired: number;
  /** Readers' marks on edited passages: placed again (by position or by quote), or kept unplaced. */
  marksReplaced: number;
  marksUnplaced: number;
};

/** Imports every lesson in one transaction: if any write fails, the database is left as it was. */
export async function importLessons(
  db: Db,
  inputs: readonly ImportInput[],
  now = new Date(),
): Promise<LessonImportReport[]> {
  return inTransaction(db, async (tx) => {
    const reports: LessonImportReport[] = [];
    for (const input of inputs) reports.push(await importLesson(tx, input, now));
    return reports;
  });
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

async function importLesson(tx: Tx, { content, contentHash }: ImportInput, now: Date): Promise<LessonImportReport> {
  const { meta, article } = content;
  const existing = (await tx.select().from(lessons).where(eq(lessons.slug, meta.slug)).limit(1))[0];
  const report: LessonImportReport = {
    slug: meta.slug,
    status: existing ? "updated" : "created",
    questionsAdded: 0,
    questionsChanged: 0,
    questionsRetired: 0,
    passagesRetired: 0,
    marksReplaced: 0,
    marksUnplaced: 0,
  };
  if (existing?.contentHash === contentHash) return { ...report, status: "unchanged" };

  const passageWords = article.passages.map((p) =>
    p.paragraphs.reduce((sum, g) => sum + g.sentences.reduce((s, x) => s + countWords(x.text), 0), 0),
  );
  const wordCount = passageWords.reduce((a, b) => a + b, 0);
  const lessonId = existing?.id ?? randomUUID();
  const lessonRow = {
    slug: meta.slug,
    title: meta.title,
    standfirst: meta.standfirst ?? null,
    summary: meta.summary,
    source: meta.source,
    ageNotice: meta.ageNotice ?? null,
    objectives: meta.objectives,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    contentHash,
    importedAt: now,
  };
  await tx
    .insert(lessons)
    .values({ id: lessonId, ...lessonRow })
    .onConflictDoUpdate({ target: lessons.slug, set: lessonRow });

  // Passages: upsert by key, retire the ones the files no longer have.
  const passageIdByKey = new Map<string, string>();
  for (const [position, p] of article.passages.entries()) {
    const row = {
      position,
      title: p.title,
      body: p.paragraphs,
      discussionPrompts: p.discussionPrompts,
      wordCount: passageWords[position]!,
      retiredAt: null,
    };
    const saved = (
      await tx
        .insert(passages)
        .values({ id: randomUUID(), lessonId, key: p.id, ...row })
        .onConflictDoUpdate({ target: [passages.lessonId, passages.key], set: row })
        .returning({ id: passages.id })
    )[0]!;
    passageIdByKey.set(p.id, saved.id);
    const marksPlaced = await reanchorPassageMarks(tx, saved.id, p.paragraphs);
    report.marksReplaced += marksPlaced.moved + marksPlaced.kept;
    report.marksUnplaced += marksPlaced.unplaced;
  }
  report.passagesRetired = changedRows(
    await tx
      .update(passages)
      .set({ retiredAt: now })
      .where(
        and(
          eq(passages.lessonId, lessonId),
          isNull(passages.retiredAt),
          notInArray(
            passages.key,
            article.passages.map((p) => p.id),
          ),
        ),
      ),
  );

  // Questions: a changed question gets a new version; the versions answered before stay as they were.
  for (const [position, q] of content.questions.entries()) {
    const outcome = await upsertQuestion(tx, lessonId, passageIdByKey.get(q.passage)!, q, position, now);
    if (outcome === "added") report.questionsAdded++;
    if (outcome === "changed") report.questionsChanged++;
  }
  report.questionsRetired = changedRows(
    await tx
      .update(questions)
      .set({ retiredAt: now })
      .where(
        and(
          eq(questions.lessonId, lessonId),
          isNull(questions.retiredAt),
          notInArray(
            questions.key,
            content.questions.map((q) => q.id),
          ),
        ),
      ),
  );

  // Glossary and voices hold no learner data: upsert, and delete what the files dropped.
  for (const [position, t] of content.glossary.entries()) {
    const row = { position, term: t.term, aliases: t.aliases, category: t.category, definition: t.definition };
    await tx
      .insert(glossaryTerms)
      .values({ id: randomUUID(), lessonId, key: t.id, ...row })
      .onConflictDoUpdate({ target: [glossaryTerms.lessonId, glossaryTerms.key], set: row });
  }
  await tx.delete(glossaryTerms).where(
    and(
      eq(glossaryTerms.lessonId, lessonId),
      notInArray(
        glossaryTerms.key,
        content.glossary.map((t) => t.id),
      ),
    ),
  );

  for (const [position, v] of content.voices.entries()) {
    const row = {
      position,
      name: v.name,
      kind: v.kind,
      role: v.role,
      affiliation: v.affiliation,
      stake: v.stake,
      appearances: v.appearances,
    };
    await tx
      .insert(voices)
      .values({ id: randomUUID(), lessonId, key: v.id, ...row })
      .onConflictDoUpdate({ target: [voices.lessonId, voices.key], set: row });
  }
  await tx.delete(voices).where(
    and(
      eq(voices.lessonId, lessonId),
      notInArray(
        voices.key,
        content.voices.map((v) => v.id),
      ),
    ),
  );

  return report;
}

async function upsertQuestion(
  tx: Tx,
  lessonId: string,
  passageId: string,
  q: QuestionContent,
  position: number,
  now: Date,
): Promise<"added" | "changed" | "same"> {
  const contentHash = hashOf(q);
  const existing = (
    await tx
      .select({ id: questions.id, version: questions.version, hash: questionVersions.contentHash })
      .from(questions)
      .innerJoin(
        questionVersions,
        and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
      )
      .where(and(eq(questions.lessonId, lessonId), eq(questions.key, q.id)))
      .limit(1)
  )[0];
  const row = { passageId, position, type: q.type, kind: q.kind, prompt: q.prompt, points: q.points, retiredAt: null };

  if (!existing) {
    const id = randomUUID();
    await tx.insert(questions).values({ id, lessonId, key: q.id, version: 1, ...row });
    await tx.insert(questionVersions).values({ questionId: id, version: 1, contentHash, content: q, createdAt: now });
    return "added";
  }
  if (existing.hash === contentHash) {
    await tx.update(questions).set(row).where(eq(questions.id, existing.id));
    return "same";
  }
  const version = existing.version + 1;
  await tx
    .insert(questionVersions)
    .values({ questionId: existing.id, version, contentHash, content: q, createdAt: now });
  await tx
    .update(questions)
    .set({ ...row, version })
    .where(eq(questions.id, existing.id));
  return "changed";
}
