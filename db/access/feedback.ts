/**
 * Reviewing answers and returning feedback. Only the class's instructor reads a class's answers
 * or writes feedback on them; a student reads only feedback that was returned on their own answers.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { prepared } from "../prepared";
import { inTransaction } from "../transaction";
import {
  answers,
  attempts,
  classes,
  feedback,
  feedbackHistory,
  lessons,
  passages,
  questions,
  questionVersions,
  users,
} from "../schema";
import { taughtClass } from "./classes";
import { citationScopeOf } from "@/lib/lesson/citation-scope";
import type { QuestionContent } from "@/content/schema";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { validInlineComments, type InlineComment } from "@/lib/inline-comments";
import { missingCriteria } from "@/lib/review/rubric-keys";
import type { NotReturned } from "@/lib/review/return-rules";
import { correctAnswerFor } from "@/lib/review/correct-answer";
import { buildGradebook, type GradebookTotals } from "@/lib/gradebook";
import { isAnswered } from "@/lib/answers/response-shape";
import { questionContent, questionContents } from "./question-content";

export type ReviewState = "needs-review" | "draft" | "returned";

/**
 * `key` names one question of one lesson as answered in one version: "<lesson>:<question>", plus
 * "@v<n>" for answers given to an earlier version (whose rubric may differ).
 */
export type ReviewQuestion = {
  key: string;
  lessonSlug: string;
  lessonTitle: string;
  passageTitle: string;
  /** "Q3": the question's number in its lesson, as the student's whole lesson numbers it. */
  label: string;
  prompt: string;
  total: number;
  needsReview: number;
};

export type ReviewItem = {
  answerId: string;
  /** Null while names are hidden (anonymous review). */
  studentId: string | null;
  studentName: string;
  text: string;
  cited: { id: string; text: string }[];
  state: ReviewState;
  rubricLevels: Record<string, number>;
  comment: string;
  inlineComments: InlineComment[];
  points: number | null;
  /** Returned, and the student has not opened it yet: the instructor may still take it back. */
  canUndoReturn: boolean;
};

export type ReviewQueue = {
  questions: ReviewQuestion[];
  current: null | {
    key: string;
    lessonSlug: string;
    /** The question's own key within its lesson. */
    questionKey: string;
    question: Extract<QuestionContent, { type: "open_response" }>;
    passage: { title: string; sentences: { id: string; text: string }[] };
    items: ReviewItem[];
  };
};

/** The review queue's name for a question: lesson and key, and the version when it is not the current one. */
export function reviewQuestionKey(lessonSlug: string, questionKey: string, olderVersion: number | null = null): string {
  return `${lessonSlug}:${questionKey}${olderVersion === null ? "" : `@v${olderVersion}`}`;
}

function stateOf(f: { returnedAt: Date | null; updatedAt: Date } | null): ReviewState {
  if (!f) return "needs-review";
  return f.returnedAt && f.returnedAt >= f.updatedAt ? "returned" : "draft";
}

/**
 * The open answers of a class's submitted lessons, question by question: the list of questions
 * with how many answers still need review, and every student's answer to the chosen one.
 */
export type ReviewOptions = {
  /** Only this lesson's questions. */
  lessonSlug?: string;
  questionKey?: string;
  /** Only answers in this state. */
  state?: ReviewState;
  /** Anonymous review: names are replaced by "Student n" until the feedback has been returned. */
  anonymous?: boolean;
};

export async function getReviewQueue(
  actor: Actor | null,
  classId: string,
  options: ReviewOptions = {},
): Promise<ReviewQueue> {
  const { lessonSlug, questionKey, state, anonymous = false } = options;
  await taughtClass(actor, classId);
  const db = getDb();
  const rows = await db
    .select({
      answerId: answers.id,
      questionKey: questions.key,
      questionId: questions.id,
      currentVersion: questions.version,
      questionVersion: answers.questionVersion,
      lessonSlug: lessons.slug,
      lessonTitle: lessons.title,
      passageTitle: passages.title,
      prompt: questions.prompt,
      position: questions.position,
      studentId: users.id,
      studentName: users.name,
      passageId: passages.id,
      feedbackReturnedAt: feedback.returnedAt,
      feedbackUpdatedAt: feedback.updatedAt,
      unreadByStudent: feedback.unreadByStudent,
    })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(users, eq(users.id, attempts.userId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(passages, eq(passages.id, questions.passageId))
    .leftJoin(feedback, eq(feedback.answerId, answers.id))
    .where(and(eq(attempts.classId, classId), isNotNull(attempts.submittedAt), eq(questions.type, "open_response")))
    .orderBy(asc(lessons.title), asc(questions.position), asc(users.name));

  const labelOf = await questionLabels(rows.map((r) => r.lessonSlug));
  const groupOf = (r: (typeof rows)[number]) =>
    reviewQuestionKey(r.lessonSlug, r.questionKey, r.questionVersion === r.currentVersion ? null : r.questionVersion);
  const byQuestion = new Map<string, ReviewQuestion>();
  for (const r of rows) {
    if (lessonSlug && r.lessonSlug !== lessonSlug) continue;
    const key = groupOf(r);
    const prompt =
      r.questionVersion === r.currentVersion ? r.prompt : `${r.prompt} (answers to version ${r.questionVersion})`;
    const q = byQuestion.get(key) ?? {
      key,
      lessonSlug: r.lessonSlug,
      lessonTitle: r.lessonTitle,
      passageTitle: r.passageTitle,
      label: labelOf.get(r.questionId) ?? "Q",
      prompt,
      total: 0,
      needsReview: 0,
    };
    q.total++;
    if (
      stateOf(r.feedbackUpdatedAt ? { returnedAt: r.feedbackReturnedAt, updatedAt: r.feedbackUpdatedAt } : null) ===
      "needs-review"
    )
      q.needsReview++;
    byQuestion.set(key, q);
  }
  const list = [...byQuestion.values()];
  const chosenKey =
    questionKey && byQuestion.has(questionKey) ? questionKey : (list.find((q) => q.needsReview > 0) ?? list[0])?.key;
  if (!chosenKey) return { questions: list, current: null };

  const all = rows.filter((r) => groupOf(r) === chosenKey);
  const first = all[0]!;
  const version = (
    await db
      .select({ hash: questionVersions.contentHash })
      .from(questionVersions)
      .where(
        and(eq(questionVersions.questionId, first.questionId), eq(questionVersions.version, first.questionVersion)),
      )
      .limit(1)
  )[0]!;
  const question = await questionContent(getDb(), version.hash);
  if (question.type !== "open_response") throw new Error("review queue holds open responses only");
  // The list above needs only counts; the answers, feedback and passage are read for the chosen question alone.
  const details = new Map(
    (
      await db
        .select({
          answerId: answers.id,
          response: answers.response,
          citedSentences: answers.citedSentences,
          rubricLevels: feedback.rubricLevels,
          comment: feedback.comment,
          inlineComments: feedback.inlineComments,
          points: feedback.points,
        })
        .from(answers)
        .leftJoin(feedback, eq(feedback.answerId, answers.id))
        .where(
          inArray(
            answers.id,
            all.map((r) => r.answerId),
          ),
        )
    ).map((d) => [d.answerId, d]),
  );
  // A question on the whole article cites any passage: the reviewer sees the whole article.
  const wholeArticle = citationScopeOf(question) === "lesson";
  const sentences = (
    wholeArticle
      ? await articleBodies(first.lessonSlug)
      : [
          (await db.select({ body: passages.body }).from(passages).where(eq(passages.id, first.passageId)).limit(1))[0]!
            .body,
        ]
  ).flatMap((body) => body.flatMap((g) => g.sentences));
  const textOf = new Map(sentences.map((s) => [s.id, s.text]));
  return {
    questions: list,
    current: {
      key: chosenKey,
      lessonSlug: first.lessonSlug,
      questionKey: first.questionKey,
      question,
      passage: { title: wholeArticle ? "The whole article" : first.passageTitle, sentences },
      // Anonymous review orders answers by their (random) ids, so neither order nor number hints at a name.
      items: (anonymous ? [...all].sort((a, b) => a.answerId.localeCompare(b.answerId)) : all)
        .map((r, i) => {
          const itemState = stateOf(
            r.feedbackUpdatedAt ? { returnedAt: r.feedbackReturnedAt, updatedAt: r.feedbackUpdatedAt } : null,
          );
          const d = details.get(r.answerId)!;
          return {
            answerId: r.answerId,
            studentName: anonymous && itemState !== "returned" ? `Student ${i + 1}` : r.studentName,
            studentId: anonymous && itemState !== "returned" ? null : r.studentId,
            text: (d.response as Extract<AnswerResponse, { type: "open_response" }>).text,
            cited: d.citedSentences.map((id) => ({ id, text: textOf.get(id) ?? "" })),
            state: itemState,
            rubricLevels: d.rubricLevels ?? {},
            comment: d.comment ?? "",
            inlineComments: d.inlineComments ?? [],
            points: d.points,
            canUndoReturn: itemState === "returned" && r.unreadByStudent === true,
          };
        })
        .filter((item) => !state || item.state === state),
    },
  };
}

/**
 * "Q<n>" for every current question of the given lessons, by question id: its place among the
 * lesson's questions that are not retired, as the student's whole lesson numbers them.
 */
async function questionLabels(lessonSlugs: readonly string[]): Promise<Map<string, string>> {
  const slugs = [...new Set(lessonSlugs)];
  if (slugs.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: questions.id, lesson: lessons.slug })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(inArray(lessons.slug, slugs), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  const count = new Map<string, number>();
  return new Map(
    rows.map((r) => {
      const n = (count.get(r.lesson) ?? 0) + 1;
      count.set(r.lesson, n);
      return [r.id, `Q${n}`];
    }),
  );
}

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
  // Strictly after the last return, so an edit made in the same millisecond still counts as unreturned.
  await inTransaction(getDb(), async (tx) => {
    const last = (
      await tx
        .select({ returnedAt: feedback.returnedAt })
        .from(feedback)
        .where(eq(feedback.answerId, input.answerId))
        .limit(1)
    )[0];
    const updatedAt = new Date(Math.max(now.getTime(), (last?.returnedAt?.getTime() ?? 0) + 1));
    const row = { rubricLevels: input.rubricLevels, points, comment: input.comment, inlineComments: inline, updatedAt };
    await tx
      .insert(feedback)
      .values({
        id: randomUUID(),
        answerId: input.answerId,
        instructorId: actor!.userId,
        overrideReason: null,
        returnedAt: null,
        ...row,
      })
      .onConflictDoUpdate({ target: feedback.answerId, set: row });
  });
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
  return inTransaction(db, async (tx) => {
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
    return { returned: ready.length, notReturned };
  });
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
  return inTransaction(db, async (tx) => {
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
}

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

type ReturnedVersion = typeof feedbackHistory.$inferSelect;

/**
 * The latest returned version of each feedback, by feedback id, in one query. What a student was
 * given is this version, whatever drafts have been saved since. Callers pass ids they may read.
 */
export async function latestReturned(feedbackIds: readonly string[]): Promise<Map<string, ReturnedVersion>> {
  const latest = new Map<string, ReturnedVersion>();
  if (feedbackIds.length === 0) return latest;
  const rows = await getDb()
    .select()
    .from(feedbackHistory)
    .where(inArray(feedbackHistory.feedbackId, [...feedbackIds]))
    .orderBy(desc(feedbackHistory.returnedAt));
  for (const h of rows) if (!latest.has(h.feedbackId)) latest.set(h.feedbackId, h);
  return latest;
}

/** Rubric points per criterion, as the criterion's name and the level's label. */
function rubricLevelsOf(
  question: QuestionContent,
  levels: Record<string, number>,
): { name: string; level: string; points: number }[] {
  if (question.type !== "open_response") return [];
  return question.rubric.flatMap((c) => {
    const level = c.levels.find((l) => l.points === levels[c.id]);
    return level ? [{ name: c.name, level: level.label, points: level.points }] : [];
  });
}

export type ReturnedFeedback = {
  points: number | null;
  comment: string;
  overrideReason: string | null;
  inlineComments: InlineComment[];
  rubric: { name: string; level: string; points: number }[];
  returnedAt: Date;
  /** Not yet opened by the student (new since they last looked at their feedback). */
  unread: boolean;
};

/**
 * The feedback returned on an attempt's answers, by question id, as last returned. Internal to
 * the data layer: callers have already established that the attempt is the actor's own.
 */
export async function returnedFeedbackForAttempt(
  attemptId: string,
  onlyQuestionIds?: string[],
): Promise<Map<string, ReturnedFeedback>> {
  const db = getDb();
  const rows = await db
    .select({
      feedbackId: feedback.id,
      questionId: answers.questionId,
      hash: questionVersions.contentHash,
      unread: feedback.unreadByStudent,
    })
    .from(feedback)
    .innerJoin(answers, and(eq(answers.id, feedback.answerId), eq(answers.attemptId, attemptId)))
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
    )
    .where(
      and(isNotNull(feedback.returnedAt), onlyQuestionIds ? inArray(answers.questionId, onlyQuestionIds) : undefined),
    );
  const result = new Map<string, ReturnedFeedback>();
  const latest = await latestReturned(rows.map((r) => r.feedbackId));
  for (const r of rows) {
    const h = latest.get(r.feedbackId);
    if (!h) continue;
    const rubric = rubricLevelsOf(await questionContent(getDb(), r.hash), h.snapshot.rubricLevels);
    result.set(r.questionId, {
      points: h.snapshot.points,
      comment: h.snapshot.comment,
      overrideReason: h.snapshot.overrideReason,
      inlineComments: h.snapshot.inlineComments ?? [],
      rubric,
      returnedAt: h.returnedAt,
      unread: r.unread,
    });
  }
  return result;
}

export type StudentReviewItem = {
  answerId: string | null;
  questionKey: string;
  label: string;
  prompt: string;
  type: QuestionContent["type"];
  passageTitle: string;
  answerText: string;
  /** The passage, with the sentences the answer selected (evidence) or cites (open response). */
  passage: { id: string; text: string }[];
  highlighted: string[];
  autoScore: number | null;
  maxPoints: number;
  /** The right answer, beside an automatically graded answer that did not get full marks. */
  correctAnswer: string | null;
  feedback: { points: number | null; overrideReason: string | null; comment: string; state: ReviewState } | null;
};

export type StudentReview = {
  student: { id: string; name: string };
  lesson: { slug: string; title: string };
  submitted: boolean;
  /** The student's row of the gradebook: what they were given, never counting what awaits review as zero. */
  totals: GradebookTotals | null;
  items: StudentReviewItem[];
};

/** One student's whole lesson in a class the actor teaches: every question, answer, score and feedback. */
export async function getStudentReview(
  actor: Actor | null,
  classId: string,
  studentId: string,
  lessonSlug?: string,
): Promise<StudentReview> {
  await taughtClass(actor, classId);
  const db = getDb();
  const student = (
    await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(attempts, and(eq(attempts.userId, users.id), eq(attempts.classId, classId)))
      .where(eq(users.id, studentId))
      .limit(1)
  )[0];
  if (!student) throw new NotFoundError("That student has no work in this class.");
  const wanted = lessonSlug
    ? (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, lessonSlug)).limit(1))[0]
    : undefined;
  if (lessonSlug && !wanted) throw new NotFoundError("Lesson not found.");
  const attempt = (
    await db
      .select()
      .from(attempts)
      .where(
        and(
          eq(attempts.userId, studentId),
          eq(attempts.classId, classId),
          wanted ? eq(attempts.lessonId, wanted.id) : undefined,
        ),
      )
      .orderBy(desc(attempts.lastActiveAt))
      .limit(1)
  )[0];
  if (!attempt) throw new NotFoundError("That student has no work on this lesson in this class.");
  const lesson = (
    await db
      .select({ id: lessons.id, slug: lessons.slug, title: lessons.title })
      .from(lessons)
      .where(eq(lessons.id, attempt.lessonId))
      .limit(1)
  )[0]!;
  const qs = await db
    .select({
      id: questions.id,
      key: questions.key,
      passageTitle: passages.title,
      body: passages.body,
      hash: questionVersions.contentHash,
    })
    .from(questions)
    .innerJoin(passages, eq(passages.id, questions.passageId))
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
    )
    .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  const rows = new Map(
    (
      await db
        .select({
          answerId: answers.id,
          questionId: answers.questionId,
          response: answers.response,
          citedSentences: answers.citedSentences,
          autoScore: answers.autoScore,
          maxPoints: answers.maxPoints,
          fb: feedback,
        })
        .from(answers)
        .leftJoin(feedback, eq(feedback.answerId, answers.id))
        .where(eq(answers.attemptId, attempt.id))
    ).map((r) => [r.questionId, r]),
  );
  const byHash = await questionContents(
    getDb(),
    qs.map((q) => q.hash),
  );
  const contents = new Map(qs.map((q) => [q.id, byHash.get(q.hash)!]));
  // The same arithmetic as the gradebook, on what the student was given (the last returned version).
  const returned = await latestReturned([...rows.values()].flatMap((r) => (r.fb ? [r.fb.id] : [])));
  const [row] = buildGradebook(
    qs.map((q) => ({
      key: q.key,
      label: q.key,
      points: contents.get(q.id)!.points,
      autoGraded: contents.get(q.id)!.type !== "open_response",
    })),
    [{ id: student.id, name: student.name, submitted: !!attempt.submittedAt }],
    [...rows.values()].flatMap((r) => {
      const q = qs.find((x) => x.id === r.questionId);
      if (!q) return [];
      const given = r.fb ? returned.get(r.fb.id) : undefined;
      return [
        {
          studentId: student.id,
          questionKey: q.key,
          answered: isAnswered(r.response),
          autoScore: r.autoScore,
          feedback: !r.fb
            ? null
            : given
              ? { points: given.snapshot.points, returned: true }
              : { points: r.fb.points, returned: false },
        },
      ];
    }),
  );
  const article = qs.some((q) => citationScopeOf(contents.get(q.id)!) === "lesson")
    ? (await articleBodies(lesson.slug)).flatMap((b) => b)
    : undefined;
  return {
    student,
    lesson: { slug: lesson.slug, title: lesson.title },
    submitted: !!attempt.submittedAt,
    totals: row?.totals ?? null,
    items: qs.map((q, i) => {
      const content = contents.get(q.id)!;
      const r = rows.get(q.id);
      // A question on the whole article may cite any passage: its answer is read against the whole article.
      const text = citationScopeOf(content) === "lesson" && article ? article : q.body;
      const textOf = new Map(text.flatMap((g) => g.sentences.map((s) => [s.id, s.text] as const)));
      return {
        answerId: r?.answerId ?? null,
        questionKey: q.key,
        label: `Q${i + 1}`,
        prompt: content.prompt,
        type: content.type,
        passageTitle: text === q.body ? q.passageTitle : "The whole article",
        answerText: r ? describeResponse(content, r.response, textOf) : "",
        passage: text.flatMap((g) => g.sentences.map((s) => ({ id: s.id, text: s.text }))),
        highlighted: !r
          ? []
          : r.response.type === "evidence"
            ? (r.response as Extract<AnswerResponse, { type: "evidence" }>).sentenceIds
            : r.citedSentences,
        autoScore: r?.autoScore ?? null,
        maxPoints: content.points,
        correctAnswer: r && isAnswered(r.response) ? correctAnswerFor(content, r.autoScore, textOf) : null,
        feedback: r?.fb
          ? { points: r.fb.points, overrideReason: r.fb.overrideReason, comment: r.fb.comment, state: stateOf(r.fb) }
          : null,
      };
    }),
  };
}

/** An answer as a person reads it: the chosen options' words, the selected sentences, the text. */
export function describeResponse(
  q: QuestionContent,
  response: AnswerResponse,
  sentenceText: ReadonlyMap<string, string> = new Map(),
): string {
  switch (response.type) {
    case "single_choice":
      return q.type === "single_choice" ? (q.options.find((o) => o.id === response.optionId)?.text ?? "") : "";
    case "multiple_select":
      return q.type === "multiple_select"
        ? q.options
            .filter((o) => response.optionIds.includes(o.id))
            .map((o) => o.text)
            .join(" · ")
        : "";
    case "evidence":
      return response.sentenceIds.map((id) => `“${sentenceText.get(id) ?? id}”`).join(" ");
    case "short_answer":
    case "open_response":
      return response.text;
  }
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
  await inTransaction(getDb(), async (tx) => {
    const last = (
      await tx
        .select({ returnedAt: feedback.returnedAt })
        .from(feedback)
        .where(eq(feedback.answerId, input.answerId))
        .limit(1)
    )[0];
    const row = {
      points: input.points,
      overrideReason: input.reason,
      updatedAt: new Date(Math.max(now.getTime(), (last?.returnedAt?.getTime() ?? 0) + 1)),
    };
    await tx
      .insert(feedback)
      .values({
        id: randomUUID(),
        answerId: input.answerId,
        instructorId: actor!.userId,
        rubricLevels: {},
        comment: "",
        returnedAt: null,
        ...row,
      })
      .onConflictDoUpdate({ target: feedback.answerId, set: row });
  });
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

/** The current passages' paragraphs of a lesson, in order: the text a whole-article question is read against. */
async function articleBodies(lessonSlug: string) {
  return (
    await getDb()
      .select({ body: passages.body })
      .from(passages)
      .innerJoin(lessons, eq(lessons.id, passages.lessonId))
      .where(and(eq(lessons.slug, lessonSlug), isNull(passages.retiredAt)))
      .orderBy(asc(passages.position))
  ).map((p) => p.body);
}
