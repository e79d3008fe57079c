/**
 * A lesson's questions with their answer keys, for an instructor to take into another system
 * (Moodle XML, GIFT: lib/question-bank). Keys are what students must not see, so only instructors
 * read it.
 */
import "server-only";
import { getDb } from "../client";
import type { Actor } from "@/lib/actor";
import { ForbiddenError } from "@/lib/errors";
import type { QuestionBank } from "@/lib/question-bank/model";
import { lessonStructure } from "./lesson-structure";

export async function getQuestionBank(actor: Actor | null, lessonSlug: string): Promise<QuestionBank> {
  if (!actor) throw new ForbiddenError("Sign in as an instructor to download a lesson's questions.");
  if (actor.role !== "instructor")
    throw new ForbiddenError("Only instructors can download a lesson's questions: they include the answers.");
  const lesson = await lessonStructure(getDb(), lessonSlug); // NotFoundError for an unknown lesson
  const passages = [...lesson.passagesByKey.values()];
  const article = new Map(passages.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  return {
    lessonSlug: lesson.slug,
    lessonTitle: lesson.title,
    questions: lesson.questions.map((q, i) => {
      const passage = lesson.passagesById.get(q.passageId)!;
      const wholeArticle = "citationScope" in q.content && q.content.citationScope === "lesson";
      return {
        key: q.key,
        label: `Q${i + 1}`,
        passageTitle: passage.title,
        content: q.content,
        sentences: wholeArticle ? article : new Map(passage.sentences.map((s) => [s.id, s.text])),
      };
    }),
  };
}
