/**
 * A student's own feedback: only what was returned on their own answers, and what is new.
 */
import "server-only";
import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { prepared } from "../prepared";
import { inTransaction } from "../transaction";
import { answers, attempts, classes, feedback, lessons, passages, questions, questionVersions } from "../schema";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type InlineComment } from "@/lib/inline-comments";
import { questionContents } from "./question-content";
import { latestReturned, rubricLevelsOf } from "./internal/returned-feedback";

export type StudentFeedback = {
  feedbackId: string;
  unread: boolean;
  returnedAt: Date;
  className: string;
  lessonSlug: string;
  lessonTitle: string;
  passageKey: string;
  prompt: string;
  answerText: string;
  cited: string[];
  points: number | null;
  maxPoints: number;
  comment: string;
  overrideReason: string | null;
  inlineComments: InlineComment[];
  rubric: { name: string; level: string; points: number }[];
};

/** A student's returned feedback, newest first, as last returned (drafts never show). */
export async function listMyFeedback(actor: Actor | null): Promise<StudentFeedback[]> {
  if (!actor) throw new ForbiddenError("Sign in to see your feedback.");
  const db = getDb();
  const rows = await db
    .select({
      feedbackId: feedback.id,
      unread: feedback.unreadByStudent,
      className: classes.name,
      lessonSlug: lessons.slug,
      lessonTitle: lessons.title,
      passageKey: passages.key,
      body: passages.body,
      response: answers.response,
      citedSentences: answers.citedSentences,
      maxPoints: answers.maxPoints,
      hash: questionVersions.contentHash,
    })
    .from(feedback)
    .innerJoin(answers, eq(answers.id, feedback.answerId))
    .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.userId, actor.userId)))
    .innerJoin(classes, eq(classes.id, attempts.classId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(passages, eq(passages.id, questions.passageId))
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
    )
    .where(isNotNull(feedback.returnedAt));
  const latest = await latestReturned(rows.map((r) => r.feedbackId));
  const contents = await questionContents(
    getDb(),
    rows.map((r) => r.hash),
  );

  return rows
    .flatMap((r) => {
      const h = latest.get(r.feedbackId);
      if (!h) return [];
      const question = contents.get(r.hash)!;
      const textOf = new Map(r.body.flatMap((g) => g.sentences.map((s) => [s.id, s.text] as const)));
      const rubric = rubricLevelsOf(question, h.snapshot.rubricLevels);
      return [
        {
          feedbackId: r.feedbackId,
          unread: r.unread,
          returnedAt: h.returnedAt,
          className: r.className,
          lessonSlug: r.lessonSlug,
          lessonTitle: r.lessonTitle,
          passageKey: r.passageKey,
          prompt: question.prompt,
          answerText: "text" in (r.response as object) ? (r.response as { text: string }).text : "",
          cited: r.citedSentences.map((id) => textOf.get(id) ?? ""),
          points: h.snapshot.points,
          maxPoints: r.maxPoints,
          comment: h.snapshot.comment,
          overrideReason: h.snapshot.overrideReason,
          inlineComments: h.snapshot.inlineComments ?? [],
          rubric,
        },
      ];
    })
    .sort((a, b) => b.returnedAt.getTime() - a.returnedAt.getTime());
}

export async function countUnreadFeedback(actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  return (
    await prepared(getDb(), "feedback.unreadCount", (d) =>
      d
        .select({ n: count() })
        .from(feedback)
        .innerJoin(answers, eq(answers.id, feedback.answerId))
        .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.userId, sql.placeholder("userId"))))
        .where(and(eq(feedback.unreadByStudent, true), isNotNull(feedback.returnedAt)))
        .prepare(),
    ).execute({ userId: actor.userId })
  )[0]!.n;
}

/** The student has opened their feedback: nothing returned so far is new any more. */
export async function markFeedbackRead(actor: Actor | null, feedbackIds?: readonly string[]): Promise<void> {
  if (!actor) throw new ForbiddenError("Sign in to see your feedback.");
  const db = getDb();
  // Only the student's own, and (when given) only those they were shown: feedback returned since stays new.
  const mine = await db
    .select({ id: feedback.id, unread: feedback.unreadByStudent })
    .from(feedback)
    .innerJoin(answers, eq(answers.id, feedback.answerId))
    .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.userId, actor.userId)))
    .where(and(isNotNull(feedback.returnedAt), feedbackIds ? inArray(feedback.id, [...feedbackIds]) : undefined));
  // Ids that are not the student's returned feedback mean a forged request: refuse it whole.
  if (feedbackIds && mine.length < new Set(feedbackIds).size)
    throw new NotFoundError("Some of that feedback is not yours.");
  const unread = mine.filter((r) => r.unread).map((r) => r.id);
  if (unread.length > 0)
    await inTransaction(db, (tx) =>
      tx.update(feedback).set({ unreadByStudent: false }).where(inArray(feedback.id, unread)),
    );
}
