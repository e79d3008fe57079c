/** An instructor's saved comments: each instructor reads and changes only their own. */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { lessons, questions, savedComments } from "../schema";
import { changedRows } from "../dialect";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export type SavedComment = { id: string; text: string; general: boolean };

function requireInstructor(actor: Actor | null): Actor {
  if (!actor || actor.role !== "instructor") throw new ForbiddenError("Only instructors keep saved comments.");
  return actor;
}

/** Question keys are unique within a lesson, so a question is named by both. */
async function questionIdOf(lessonSlug: string, questionKey: string): Promise<string> {
  const row = (
    await getDb()
      .select({ id: questions.id })
      .from(questions)
      .innerJoin(lessons, eq(lessons.id, questions.lessonId))
      .where(and(eq(lessons.slug, lessonSlug), eq(questions.key, questionKey)))
      .limit(1)
  )[0];
  if (!row) throw new NotFoundError("That question does not exist.");
  return row.id;
}

/** The actor's comments for this question, then their general ones. */
export async function listSavedComments(
  actor: Actor | null,
  lessonSlug: string,
  questionKey: string,
): Promise<SavedComment[]> {
  const a = requireInstructor(actor);
  const questionId = await questionIdOf(lessonSlug, questionKey);
  return (
    await getDb()
      .select({ id: savedComments.id, text: savedComments.text, questionId: savedComments.questionId })
      .from(savedComments)
      .where(
        and(
          eq(savedComments.instructorId, a.userId),
          or(eq(savedComments.questionId, questionId), isNull(savedComments.questionId)),
        ),
      )
      .orderBy(asc(savedComments.createdAt))
  )
    .map((c) => ({ id: c.id, text: c.text, general: c.questionId === null }))
    .sort((x, y) => Number(x.general) - Number(y.general));
}

export async function createSavedComment(
  actor: Actor | null,
  input: { lessonSlug: string; questionKey: string | null; text: string },
): Promise<SavedComment> {
  const a = requireInstructor(actor);
  const questionId = input.questionKey ? await questionIdOf(input.lessonSlug, input.questionKey) : null;
  const row = { id: randomUUID(), instructorId: a.userId, questionId, text: input.text, createdAt: new Date() };
  await inTransaction(getDb(), (tx) => tx.insert(savedComments).values(row));
  return { id: row.id, text: row.text, general: questionId === null };
}

export async function updateSavedComment(actor: Actor | null, input: { id: string; text: string }): Promise<void> {
  const a = requireInstructor(actor);
  const changed = await inTransaction(getDb(), (tx) =>
    tx
      .update(savedComments)
      .set({ text: input.text })
      .where(and(eq(savedComments.id, input.id), eq(savedComments.instructorId, a.userId))),
  );
  if (changedRows(changed) === 0) throw new NotFoundError("That saved comment does not exist.");
}

export async function deleteSavedComment(actor: Actor | null, id: string): Promise<void> {
  const a = requireInstructor(actor);
  const removed = await inTransaction(getDb(), (tx) =>
    tx.delete(savedComments).where(and(eq(savedComments.id, id), eq(savedComments.instructorId, a.userId))),
  );
  if (changedRows(removed) === 0) throw new NotFoundError("That saved comment does not exist.");
}
