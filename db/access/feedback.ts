/**
 * Writing feedback: drafts, returns (kept in the history), undoing a return, overriding an
 * automatic score. Only the class's instructor writes feedback on the class's answers.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { answers, attempts, feedback, feedbackHistory, questionVersions } from "../schema";
import { taughtClass } from "./classes";
import { scoresChangedForAnswers } from "./lti-scores";
import type { Actor } from "@/lib/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { validInlineComments, type InlineComment } from "@/lib/inline-comments";
import { missingCriteria } from "@/lib/review/rubric-keys";
import type { NotReturned } from "@/lib/review/return-rules";
import { questionContent, questionContents } from "./question-content";
import { ReviewState } from "./review";
import { stateOf } from "./internal/returned-feedback";

/** The answer, when it belongs to a submitted lesson of a class the actor teaches, with its question as answered. */
async function reviewableAnswer(actor: Actor | null, classId: string, answerId: string) {
  await taughtClass(actor, classId);
  const row = (
    await getDb()
      .select({
        id: answers.id,
        response: answers.response,
        hash: questionVersions.contentHash,
        submittedAt: attempts.submittedAt,
      })
      .from(answers)
      .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.classId, classId)))
      .innerJoin(
        questionVersions,
        and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
      )
      .where(eq(answers.id, answerId))
      .limit(1)
  )[0];
  if (!row) throw new NotFoundError("That answer is not in this class.");
  if (!row.submittedAt) throw new DomainError("That lesson has not been submitted yet.");
  return { ...row, question: await questionContent(getDb(), row.hash) };
}

/** Saves feedback as a draft (the student sees nothing until it is returned). */
export async function saveFeedbackDraft(
  actor: Actor | null,
  input: {
    classId: string;
    answerId: string;
    rubricLevels: Record<string, number>;
    comment: string;
    inlineComments?: InlineComment[];
  },
  now = new Date(),
): Promise<{ points: number | null; state: ReviewState }> {
  const { question, response } = await reviewableAnswer(actor, input.classId, input.answerId);
  const inline = input.inlineComments ?? [];
  const answerText =
    response.type === "open_response" ? (response as Extract<AnswerResponse, { type: "open_response" }>).text : "";
  if (validInlineComments(answerText, inline).length !== inline.length) {
    throw new DomainError(
      "A comment on words must sit on words of the answer, without overlapping another.",
      "inlineComments",
    );
  }
  if (question.type !== "open_response")
    throw new DomainError("Only open responses are scored with a rubric.", "rubricLevels");
  for (const [criterionId, points] of Object.entries(input.rubricLevels)) {
    const criterion = question.rubric.find((c) => c.id === criterionId);
    if (!criterion)
      throw new DomainError(`"${criterionId}" is not a criterion of this question's rubric.`, "rubricLevels");
    if (!criterion.levels.some((l) => l.points === points))
      throw new DomainError(`${points} is not a level of "${criterion.name}".`, "rubricLevels");
  }
  const complete = question.rubric.every((c) => input.rubricLevels[c.id] !== undefined);
  const points = complete ? Object.values(input.rubricLevels).reduce((a, b) => a + b, 0) : null;
  await writeDraft(
    input.answerId,
    actor!.userId,
    {
      rubricLevels: input.rubricLevels,
      points,
      comment: input.comment,
      inlineComments: inline,
    },
    now,
  );
  return { points, state: "draft" };
}

/**
 * Returns feedback to students (one answer or many): each return is kept in the history. An open
 * response goes back only with every criterion of its rubric scored: the others are returned,
 * and those kept back are listed with the criteria still to score.
 */
export async function returnFeedback(
  actor: Actor | null,
  input: { classId: string; answerIds: string[] },
  now = new Date(),
): Promise<{ returned: number; notReturned: NotReturned[] }> {
  await taughtClass(actor, input.classId);
  return returnInClass(input, now);
}

/** The return itself, for a class whose instructor is acting. */
async function returnInClass(
  input: { classId: string; answerIds: readonly string[] },
  now: Date,
): Promise<{ returned: number; notReturned: NotReturned[] }> {
  const db = getDb();
  const result = await inTransaction(db, async (tx) => {
    const rows = (
      await tx
        .select({
          id: feedback.id,
          answerId: feedback.answerId,
          rubricLevels: feedback.rubricLevels,
          points: feedback.points,
          overrideReason: feedback.overrideReason,
          comment: feedback.comment,
          inlineComments: feedback.inlineComments,
          returnedAt: feedback.returnedAt,
          updatedAt: feedback.updatedAt,
          unreadByStudent: feedback.unreadByStudent,
          hash: questionVersions.contentHash,
        })
        .from(feedback)
        .innerJoin(answers, eq(answers.id, feedback.answerId))
        .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.classId, input.classId)))
        .innerJoin(
          questionVersions,
          and(
            eq(questionVersions.questionId, answers.questionId),
            eq(questionVersions.version, answers.questionVersion),
          ),
        )
        .where(inArray(feedback.answerId, [...input.answerIds]))
    )
      // Only what changed since it was last returned: returning again unchanged would say "new" for nothing.
      .filter((f) => stateOf(f) === "draft");
    const notReturned: NotReturned[] = [];
    const contents = await questionContents(
      tx,
      rows.map((f) => f.hash),
    );
    const ready = rows.filter((f) => {
      const question = contents.get(f.hash)!;
      const missing = question.type === "open_response" ? missingCriteria(question.rubric, f.rubricLevels) : [];
      if (missing.length > 0) notReturned.push({ answerId: f.answerId, missing: missing.map((c) => c.name) });
      return missing.length === 0;
    });
    for (const f of ready) {
      await tx.insert(feedbackHistory).values({
        id: randomUUID(),
        feedbackId: f.id,
        snapshot: {
          rubricLevels: f.rubricLevels,
          points: f.points,
          overrideReason: f.overrideReason,
          comment: f.comment,
          inlineComments: f.inlineComments,
          studentHadUnread: f.unreadByStudent,
        },
        returnedAt: now,
      });
      await tx
        .update(feedback)
        .set({ returnedAt: now, updatedAt: now, unreadByStudent: true })
        .where(eq(feedback.id, f.id));
    }
    return { returned: ready.length, notReturned, returnedAnswerIds: ready.map((f) => f.answerId) };
  });
  // The returned points change the students' scores in the LMS, where the lesson came from one.
  await scoresChangedForAnswers(input.classId, result.returnedAnswerIds);
  return { returned: result.returned, notReturned: result.notReturned };
}

/**
 * Takes a return back, while the student has not opened it: the answer is "reviewed, not
 * returned" again, with the feedback as it stands, and the student, the gradebook and the exports
 * see what was returned before it (or nothing). Only the class's instructor may.
 */
export async function undoReturn(
  actor: Actor | null,
  input: { classId: string; answerId: string },
  now = new Date(),
): Promise<{ state: ReviewState }> {
  await taughtClass(actor, input.classId);
  const db = getDb();
  const undone = await inTransaction(db, async (tx) => {
    const f = (
      await tx
        .select({
          id: feedback.id,
          returnedAt: feedback.returnedAt,
          updatedAt: feedback.updatedAt,
          unreadByStudent: feedback.unreadByStudent,
        })
        .from(feedback)
        .innerJoin(answers, eq(answers.id, feedback.answerId))
        .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.classId, input.classId)))
        .where(eq(feedback.answerId, input.answerId))
        .limit(1)
    )[0];
    if (!f) throw new NotFoundError("That answer has no feedback in this class.");
    if (stateOf(f) !== "returned")
      throw new DomainError("This feedback is not returned: there is nothing to take back.");
    // Read inside the transaction: a student opening it now and this undo cannot both win.
    if (!f.unreadByStudent)
      throw new DomainError(
        "The student has already opened this feedback, so it cannot be taken back. Change it and return it again instead.",
      );
    const [latest, previous] = await tx
      .select()
      .from(feedbackHistory)
      .where(eq(feedbackHistory.feedbackId, f.id))
      .orderBy(desc(feedbackHistory.returnedAt))
      .limit(2);
    if (latest) await tx.delete(feedbackHistory).where(eq(feedbackHistory.id, latest.id));
    const returnedAt = previous?.returnedAt ?? null;
    await tx
      .update(feedback)
      .set({
        returnedAt,
        // Strictly after the earlier return, so the answer reads as reviewed, not returned.
        updatedAt: new Date(Math.max(now.getTime(), (returnedAt?.getTime() ?? 0) + 1)),
        // The earlier version is new to the student only if it was before this return.
        unreadByStudent: previous ? (latest?.snapshot.studentHadUnread ?? false) : false,
      })
      .where(eq(feedback.id, f.id));
    return { state: "draft" as const };
  });
  await scoresChangedForAnswers(input.classId, [input.answerId]);
  return undone;
}

/** Overrides an automatic grade with a reason (a draft until returned, like any feedback). */
export async function overrideGrade(
  actor: Actor | null,
  input: { classId: string; answerId: string; points: number; reason: string },
  now = new Date(),
): Promise<void> {
  const { question } = await reviewableAnswer(actor, input.classId, input.answerId);
  if (question.type === "open_response")
    throw new DomainError("Open responses are scored with their rubric, not overridden.", "points");
  if (input.points < 0 || input.points > question.points)
    throw new DomainError(`Points must be between 0 and ${question.points}.`, "points");
  await writeDraft(input.answerId, actor!.userId, { points: input.points, overrideReason: input.reason }, now);
}

/**
 * Returns every reviewed-but-not-returned feedback of a class at once (all questions, all lessons),
 * leaving out, and listing, open responses whose rubric is not fully scored.
 */
export async function returnAllReviewed(
  actor: Actor | null,
  classId: string,
  now = new Date(),
): Promise<{ returned: number; notReturned: NotReturned[] }> {
  await taughtClass(actor, classId);
  const pending = (
    await getDb()
      .select({ answerId: feedback.answerId, returnedAt: feedback.returnedAt, updatedAt: feedback.updatedAt })
      .from(feedback)
      .innerJoin(answers, eq(answers.id, feedback.answerId))
      .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.classId, classId)))
  )
    .filter((f) => stateOf(f) === "draft")
    .map((f) => f.answerId);
  if (pending.length === 0) return { returned: 0, notReturned: [] };
  return returnInClass({ classId, answerIds: pending }, now);
}

/**
 * Saves the instructor's changes to an answer's feedback as a draft, in one transaction with
 * reading its last return: stamped strictly after that return, so an edit made in the same
 * millisecond still counts as unreturned. The caller has checked the actor may review the answer.
 */
async function writeDraft(
  answerId: string,
  instructorId: string,
  changes: Partial<
    Pick<typeof feedback.$inferInsert, "rubricLevels" | "points" | "comment" | "inlineComments" | "overrideReason">
  >,
  now: Date,
): Promise<void> {
  await inTransaction(getDb(), async (tx) => {
    const last = (
      await tx
        .select({ returnedAt: feedback.returnedAt })
        .from(feedback)
        .where(eq(feedback.answerId, answerId))
        .limit(1)
    )[0];
    const row = { ...changes, updatedAt: new Date(Math.max(now.getTime(), (last?.returnedAt?.getTime() ?? 0) + 1)) };
    await tx
      .insert(feedback)
      .values({
        id: randomUUID(),
        answerId,
        instructorId,
        rubricLevels: {},
        comment: "",
        overrideReason: null,
        returnedAt: null,
        ...row,
      })
      .onConflictDoUpdate({ target: feedback.answerId, set: row });
  });
}
