/**
 * Writes lesson content into the database (used by `npm run content:import`, not by requests).
 * Rows are matched by the stable ids of the lesson files; nothing a learner's work may point at
 * (passages, questions) is ever deleted, only retired, and an edited question gets a new version.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { inTransaction, type DbOrTx } from "../transaction";
import { glossaryTerms, lessons, passages, questions, questionVersions, voices } from "../schema";
import type { LessonContent, QuestionContent } from "@/content/schema";
import { countWords, readingMinutes } from "@/lib/text";

export type ImportInput = { content: LessonContent; contentHash: string };

export type LessonImportReport = {
  slug: string;
  status: "created" | "updated" | "unchanged";
  questionsAdded: number;
  questionsChanged: number;
  questionsRetired: number;
  passagesRetired: number;
};

/** Imports every lesson in one transaction: if any write fails, the database is left as it was. */
export function importLessons(db: Db, inputs: readonly ImportInput[], now = new Date()): LessonImportReport[] {
  return inTransaction(db, (tx) => inputs.map((input) => importLesson(tx, input, now)));
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

function importLesson(tx: DbOrTx, { content, contentHash }: ImportInput, now: Date): LessonImportReport {
  const { meta, article } = content;
  const existing = tx.select().from(lessons).where(eq(lessons.slug, meta.slug)).get();
  const report: LessonImportReport = {
    slug: meta.slug,
    status: existing ? "updated" : "created",
    questionsAdded: 0,
    questionsChanged: 0,
    questionsRetired: 0,
    passagesRetired: 0,
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
  tx.insert(lessons)
    .values({ id: lessonId, ...lessonRow })
    .onConflictDoUpdate({ target: lessons.slug, set: lessonRow })
    .run();

  // Passages: upsert by key, retire the ones the files no longer have.
  const passageIdByKey = new Map<string, string>();
  article.passages.forEach((p, position) => {
    const row = {
      position,
      title: p.title,
      body: p.paragraphs,
      discussionPrompts: p.discussionPrompts,
      wordCount: passageWords[position]!,
      retiredAt: null,
    };
    const saved = tx
      .insert(passages)
      .values({ id: randomUUID(), lessonId, key: p.id, ...row })
      .onConflictDoUpdate({ target: [passages.lessonId, passages.key], set: row })
      .returning({ id: passages.id })
      .get();
    passageIdByKey.set(p.id, saved.id);
  });
  report.passagesRetired = tx
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
    )
    .run().changes;

  // Questions: a changed question gets a new version; the versions answered before stay as they were.
  content.questions.forEach((q, position) => {
    const outcome = upsertQuestion(tx, lessonId, passageIdByKey.get(q.passage)!, q, position, now);
    if (outcome === "added") report.questionsAdded++;
    if (outcome === "changed") report.questionsChanged++;
  });
  report.questionsRetired = tx
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
    )
    .run().changes;

  // Glossary and voices hold no learner data: upsert, and delete what the files dropped.
  content.glossary.forEach((t, position) => {
    const row = { position, term: t.term, aliases: t.aliases, category: t.category, definition: t.definition };
    tx.insert(glossaryTerms)
      .values({ id: randomUUID(), lessonId, key: t.id, ...row })
      .onConflictDoUpdate({ target: [glossaryTerms.lessonId, glossaryTerms.key], set: row })
      .run();
  });
  tx.delete(glossaryTerms)
    .where(
      and(
        eq(glossaryTerms.lessonId, lessonId),
        notInArray(
          glossaryTerms.key,
          content.glossary.map((t) => t.id),
        ),
      ),
    )
    .run();

  content.voices.forEach((v, position) => {
    const row = {
      position,
      name: v.name,
      kind: v.kind,
      role: v.role,
      affiliation: v.affiliation,
      stake: v.stake,
      appearances: v.appearances,
    };
    tx.insert(voices)
      .values({ id: randomUUID(), lessonId, key: v.id, ...row })
      .onConflictDoUpdate({ target: [voices.lessonId, voices.key], set: row })
      .run();
  });
  tx.delete(voices)
    .where(
      and(
        eq(voices.lessonId, lessonId),
        notInArray(
          voices.key,
          content.voices.map((v) => v.id),
        ),
      ),
    )
    .run();

  return report;
}

function upsertQuestion(
  tx: DbOrTx,
  lessonId: string,
  passageId: string,
  q: QuestionContent,
  position: number,
  now: Date,
): "added" | "changed" | "same" {
  const contentHash = hashOf(q);
  const existing = tx
    .select({ id: questions.id, version: questions.version, hash: questionVersions.contentHash })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
    )
    .where(and(eq(questions.lessonId, lessonId), eq(questions.key, q.id)))
    .get();
  const row = { passageId, position, type: q.type, kind: q.kind, prompt: q.prompt, points: q.points, retiredAt: null };

  if (!existing) {
    const id = randomUUID();
    tx.insert(questions)
      .values({ id, lessonId, key: q.id, version: 1, ...row })
      .run();
    tx.insert(questionVersions).values({ questionId: id, version: 1, contentHash, content: q, createdAt: now }).run();
    return "added";
  }
  if (existing.hash === contentHash) {
    tx.update(questions).set(row).where(eq(questions.id, existing.id)).run();
    return "same";
  }
  const version = existing.version + 1;
  tx.insert(questionVersions)
    .values({ questionId: existing.id, version, contentHash, content: q, createdAt: now })
    .run();
  tx.update(questions)
    .set({ ...row, version })
    .where(eq(questions.id, existing.id))
    .run();
  return "changed";
}
