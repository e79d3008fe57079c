/**
 * A lesson as imported: its current questions (validated) and passages with their sentences.
 * Read on every save and every page's workspace, yet it changes only on import, so it is kept
 * per process and checked with one small query: each import that changes a lesson rewrites its
 * content hash and import time, and a difference in either (or the lesson id) rebuilds the copy.
 */
import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { prepared } from "../prepared";
import type { DbOrTx } from "../transaction";
import { lessons, passages, questions, questionVersions } from "../schema";
import type { QuestionContent } from "@/content/schema";
import { NotFoundError } from "@/lib/errors";
import { questionContents } from "./question-content";
import { passageTextModel, type PassageTextModel } from "@/lib/reading/marks";

export type StructureQuestion = {
  id: string;
  key: string;
  version: number;
  passageId: string;
  content: QuestionContent;
};
export type StructurePassage = {
  id: string;
  key: string;
  title: string;
  prompts: string[];
  sentences: { id: string; text: string }[];
  sentenceIds: Set<string>;
  /** The passage's plain text, as marks' selectors count it (lib/reading/marks.ts). */
  model: PassageTextModel;
};
export type LessonStructure = {
  id: string;
  slug: string;
  title: string;
  /** Current (not retired) questions, in lesson order. */
  questions: StructureQuestion[];
  /** Current passages by key, and every passage (retired too) by id. */
  passagesByKey: Map<string, StructurePassage>;
  passagesById: Map<string, StructurePassage>;
};

const kept = new Map<string, LessonStructure & { hash: string; importedAt: number }>();

export async function lessonStructure(db: DbOrTx, slug: string): Promise<LessonStructure> {
  const row = (
    await prepared(db, "lessonStructure.bySlug", (d) =>
      d
        .select({
          id: lessons.id,
          slug: lessons.slug,
          title: lessons.title,
          hash: lessons.contentHash,
          importedAt: lessons.importedAt,
        })
        .from(lessons)
        .where(eq(lessons.slug, sql.placeholder("slug")))
        .prepare(),
    ).execute({ slug })
  )[0];
  if (!row) throw new NotFoundError("Lesson not found.");
  const found = kept.get(slug);
  // The hash alone is not enough: importing A, then B, then A again ends on A's hash with newer question versions.
  if (found && found.hash === row.hash && found.id === row.id && found.importedAt === row.importedAt.getTime())
    return found;

  const questionRows = await db
    .select({
      id: questions.id,
      key: questions.key,
      version: questions.version,
      passageId: questions.passageId,
      hash: questionVersions.contentHash,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
    )
    .where(and(eq(questions.lessonId, row.id), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  const contents = await questionContents(
    db,
    questionRows.map((q) => q.hash),
  );
  const passageRows = await db
    .select()
    .from(passages)
    .where(eq(passages.lessonId, row.id))
    .orderBy(asc(passages.position));
  const all = passageRows.map((p) => {
    const sentences = p.body.flatMap((g) => g.sentences.map((s) => ({ id: s.id, text: s.text })));
    return {
      passage: {
        id: p.id,
        key: p.key,
        title: p.title,
        prompts: p.discussionPrompts,
        sentences,
        sentenceIds: new Set(sentences.map((s) => s.id)),
        model: passageTextModel(p.body),
      },
      retired: !!p.retiredAt,
    };
  });
  const structure = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    hash: row.hash,
    importedAt: row.importedAt.getTime(),
    questions: questionRows.map(({ hash, ...q }) => ({ ...q, content: contents.get(hash)! })),
    passagesByKey: new Map(all.filter((p) => !p.retired).map((p) => [p.passage.key, p.passage])),
    passagesById: new Map(all.map((p) => [p.passage.id, p.passage])),
  };
  kept.set(slug, structure);
  return structure;
}
