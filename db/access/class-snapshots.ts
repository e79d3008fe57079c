/**
 * Snapshots of students' answers that the instructor shares into a discussion, without names.
 * Only students who have submitted the lesson see them.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction, type DbOrTx } from "../transaction";
import {
  answers,
  assignments,
  attempts,
  discussionPosts,
  discussionSnapshotAnswers,
  discussionThreads,
  enrollments,
  lessons,
  passages,
  questions,
  users,
} from "../schema";
import type { Actor } from "@/lib/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requireSignedIn, instructorsClass } from "./internal/discussion-scope";
import { shuffle } from "./internal/discussion-read";

/** At most this many answers in one snapshot: enough to compare, few enough to read. */
export const SNAPSHOT_MAX_ANSWERS = 12;

export type ShareableAnswers = {
  className: string;
  lessonTitle: string;
  passageKey: string;
  passageTitle: string;
  question: string;
  answers: { answerId: string; studentName: string; text: string }[];
};

async function shareableQuestion(db: DbOrTx, actor: Actor, classId: string, lessonSlug: string, questionKey: string) {
  const cls = await instructorsClass(db, actor, classId);
  const q = (
    await db
      .select({
        id: questions.id,
        type: questions.type,
        prompt: questions.prompt,
        passageId: passages.id,
        passageKey: passages.key,
        passageTitle: passages.title,
        lessonId: lessons.id,
        lessonTitle: lessons.title,
      })
      .from(questions)
      .innerJoin(lessons, eq(lessons.id, questions.lessonId))
      .innerJoin(passages, eq(passages.id, questions.passageId))
      .innerJoin(assignments, and(eq(assignments.lessonId, lessons.id), eq(assignments.classId, cls.id)))
      .where(and(eq(lessons.slug, lessonSlug), eq(questions.key, questionKey)))
      .limit(1)
  )[0];
  if (!q) throw new NotFoundError("That question is not in a lesson this class has.");
  if (q.type !== "open_response" && q.type !== "short_answer")
    throw new DomainError("Only written answers can be shared with the class.", "questionKey");
  const rows = (
    await db
      .select({ answerId: answers.id, studentName: users.name, response: answers.response })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .innerJoin(enrollments, and(eq(enrollments.classId, cls.id), eq(enrollments.studentId, attempts.userId)))
      .innerJoin(users, eq(users.id, attempts.userId))
      .where(
        and(
          eq(attempts.classId, cls.id),
          eq(attempts.lessonId, q.lessonId),
          sql`${attempts.submittedAt} is not null`,
          eq(answers.questionId, q.id),
        ),
      )
      .orderBy(asc(users.name))
  ).flatMap((r) => {
    const response = r.response;
    const text = response.type === "open_response" || response.type === "short_answer" ? response.text.trim() : "";
    return text ? [{ answerId: r.answerId, studentName: r.studentName, text }] : [];
  });
  return { cls, q, rows };
}

/** For the instructor: the class's submitted written answers to one question, to choose from for a snapshot. */
export async function listShareableAnswers(
  actor: Actor | null,
  input: { classId: string; lessonSlug: string; questionKey: string },
): Promise<ShareableAnswers> {
  const a = requireSignedIn(actor);
  const { cls, q, rows } = await shareableQuestion(getDb(), a, input.classId, input.lessonSlug, input.questionKey);
  return {
    className: cls.name,
    lessonTitle: q.lessonTitle,
    passageKey: q.passageKey,
    passageTitle: q.passageTitle,
    question: q.prompt,
    answers: rows,
  };
}

export type SnapshotInput = {
  classId: string;
  lessonSlug: string;
  questionKey: string;
  answerIds: string[];
  showNames: boolean;
  title: string;
  note: string;
};

/** Shares the chosen answers with the class as a thread on the question's passage. */
export async function shareSnapshot(
  actor: Actor | null,
  input: SnapshotInput,
  now = new Date(),
): Promise<{ lessonSlug: string; passageKey: string; threadId: string }> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { cls, q, rows } = await shareableQuestion(tx, a, input.classId, input.lessonSlug, input.questionKey);
    const chosen = [...new Set(input.answerIds)];
    if (chosen.length === 0) throw new DomainError("Choose at least one answer to share.", "answerIds");
    if (chosen.length > SNAPSHOT_MAX_ANSWERS)
      throw new DomainError(`Share at most ${SNAPSHOT_MAX_ANSWERS} answers at once.`, "answerIds");
    const shareable = new Set(rows.map((r) => r.answerId));
    if (chosen.some((id) => !shareable.has(id)))
      throw new DomainError(
        "Some of those answers are not submitted answers of this class to this question.",
        "answerIds",
      );
    // Anonymous labels must not follow the order of names on the instructor's list.
    if (!input.showNames) shuffle(chosen);
    const threadId = randomUUID();
    await tx.insert(discussionThreads).values({
      id: threadId,
      classId: cls.id,
      passageId: q.passageId,
      kind: "snapshot",
      title: input.title,
      questionId: q.id,
      showNames: input.showNames,
      authorId: a.userId,
      createdAt: now,
      lastActivityAt: now,
    });
    await tx
      .insert(discussionPosts)
      .values({ id: randomUUID(), threadId, authorId: a.userId, isOpening: true, body: input.note, createdAt: now });
    await tx
      .insert(discussionSnapshotAnswers)
      .values(chosen.map((answerId, position) => ({ threadId, answerId, position })));
    return { lessonSlug: input.lessonSlug, passageKey: q.passageKey, threadId };
  });
}
