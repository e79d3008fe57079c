/**
 * Answers: drafts saved as a learner works, the lesson's submission and its automatic grading,
 * and self-study checks. Every function takes the acting user; work is always the actor's own,
 * and a class context is honoured only while the actor is in the class and the lesson is assigned.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { scoresChanged } from "./lti-scores";
import { inQueuedTransaction, type DbOrTx, type Tx } from "../transaction";
import { answers, attempts, lessons, passages, questions, questionVersions, selfChecks } from "../schema";
import { changedRows } from "../dialect";
import type { QuestionContent } from "@/content/schema";
import { citationScopeOf } from "@/lib/lesson/citation-scope";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { citedSentencesSchema, isAnswered, responseSchema, type AnswerResponse } from "@/lib/answers/response";
import { gradeAnswer, summariseScores, type ScoreSummary } from "@/lib/answers/grading";
import { countQuestionsByLesson } from "./lessons";
import { questionContents } from "./question-content";
import { lessonStructure, type LessonStructure } from "./lesson-structure";
import { prepared } from "../prepared";
import { returnedFeedbackForAttempt, type ReturnedFeedback } from "./internal/returned-feedback";

/** What a student is shown of returned feedback (the workspace carries it beside each answer). */
export type { ReturnedFeedback };
import { classesAssigningLesson } from "./internal/class-membership";
import { tallyPassageWork, type PassageWork } from "@/lib/lesson/progress";

/** Gaps between saves longer than this are breaks, not work, when summing time spent. */
const ACTIVE_GAP_MS = 5 * 60_000;

export const SELF = "self";

export type LessonContext =
  | { mode: "self"; contextKey: "self" }
  | {
      mode: "class";
      contextKey: string;
      classId: string;
      className: string;
      dueAt: Date | null;
      showAnswersAfterSubmit: boolean;
    };

/** A student's saves, checks and submission of a lesson all write its attempt: on one server they queue. */
const attemptKey = (a: Actor, lessonSlug: string) => `attempt:${a.userId}:${lessonSlug}`;

function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in to answer; your answers are kept with your account.");
  return actor;
}

/** The lesson with its current questions and passages (kept per process until the next import). */
async function findLesson(db: DbOrTx, slug: string): Promise<LessonStructure> {
  return await lessonStructure(db, slug);
}

/** The classes in which this student has this lesson assigned, soonest due first. */
async function classContexts(
  db: DbOrTx,
  actor: Actor,
  lessonId: string,
): Promise<Extract<LessonContext, { mode: "class" }>[]> {
  if (actor.role !== "student") return [];
  return (await classesAssigningLesson(db, actor.userId, lessonId)).map(({ instructorId: _, ...c }) => ({
    mode: "class" as const,
    contextKey: c.classId,
    ...c,
  }));
}

/** Where this actor's work on the lesson goes: the class that assigned it, or self-study. */
async function currentContext(
  db: DbOrTx,
  actor: Actor,
  lessonId: string,
  known?: Awaited<ReturnType<typeof classContexts>>,
): Promise<LessonContext> {
  const contexts = known ?? (await classContexts(db, actor, lessonId));
  return contexts[0] ?? { mode: "self", contextKey: SELF };
}

/** A context the client names, checked: self-study, or a class the actor is in that assigned the lesson. */
async function verifiedContext(
  db: DbOrTx,
  actor: Actor,
  lessonId: string,
  contextKey: string,
  known?: Awaited<ReturnType<typeof classContexts>>,
): Promise<LessonContext> {
  const contexts = known ?? (await classContexts(db, actor, lessonId));
  if (contextKey === SELF) return { mode: "self", contextKey: SELF };
  const found = contexts.find((c) => c.classId === contextKey);
  if (!found)
    throw new ForbiddenError(
      "You are no longer in the class this lesson was assigned in, so this answer was not saved there.",
    );
  return found;
}

async function findAttempt(db: DbOrTx, actor: Actor, lessonId: string, contextKey: string) {
  return (
    await prepared(db, "answers.findAttempt", (d) =>
      d
        .select()
        .from(attempts)
        .where(
          and(
            eq(attempts.userId, sql.placeholder("userId")),
            eq(attempts.lessonId, sql.placeholder("lessonId")),
            eq(attempts.contextKey, sql.placeholder("contextKey")),
          ),
        )
        .prepare(),
    ).execute({ userId: actor.userId, lessonId, contextKey })
  )[0];
}

async function getOrStartAttempt(db: Tx, actor: Actor, lessonId: string, context: LessonContext, now: Date) {
  await db
    .insert(attempts)
    .values({
      id: randomUUID(),
      userId: actor.userId,
      lessonId,
      classId: context.mode === "class" ? context.classId : null,
      contextKey: context.contextKey,
      startedAt: now,
      lastActiveAt: now,
    })
    .onConflictDoNothing();
  return (await findAttempt(db, actor, lessonId, context.contextKey))!;
}

/** The question of this lesson, and the response and citations checked against it. */
function validateAnswer(lesson: LessonStructure, questionKey: string, rawResponse: unknown, rawCited: unknown) {
  const question = lesson.questions.find((q) => q.key === questionKey);
  if (!question) throw new NotFoundError("That question is not part of this lesson.");
  // The passage's sentences matter only for evidence and for citations (most saves have neither).
  const type = question.content.type;
  const needsSentences =
    type === "evidence" || (type === "open_response" && Array.isArray(rawCited) && rawCited.length > 0);
  const scope = citationScopeOf(question.content);
  // A question on the whole article takes any current passage's sentences; any other only its own passage's.
  const sentences = !needsSentences
    ? new Set<string>()
    : scope === "lesson"
      ? new Set([...lesson.passagesByKey.values()].flatMap((p) => [...p.sentenceIds]))
      : (lesson.passagesById.get(question.passageId)?.sentenceIds ?? new Set<string>());
  const response = responseSchema(question.content, sentences).safeParse(rawResponse);
  if (!response.success)
    throw new DomainError(response.error.issues[0]?.message ?? "That answer does not fit this question.", "response");
  const cited =
    question.content.type === "open_response"
      ? citedSentencesSchema(sentences, scope).safeParse(rawCited ?? [])
      : { success: true as const, data: [] };
  if (!cited.success)
    throw new DomainError(
      cited.error.issues[0]?.message ?? "Those citations are not in this passage.",
      "citedSentences",
    );
  return { question, response: response.data, cited: cited.data };
}

async function recordActivity(db: Tx, attempt: { id: string; lastActiveAt: Date }, now: Date) {
  const gap = now.getTime() - attempt.lastActiveAt.getTime();
  const add = gap > 0 && gap < ACTIVE_GAP_MS ? Math.round(gap / 1000) : 0;
  await db
    .update(attempts)
    .set({ lastActiveAt: now, activeSeconds: sql`${attempts.activeSeconds} + ${add}` })
    .where(eq(attempts.id, attempt.id));
}

export type DraftInput = {
  lessonSlug: string;
  questionKey: string;
  contextKey: string;
  response: unknown;
  citedSentences?: unknown;
};

/**
 * Saves a draft; each save that arrives replaces the last and bumps the answer's revision.
 * (A page sends one save at a time per answer, always its newest text, so arrival order is
 * edit order.) Work goes only where the lesson currently belongs for the actor: if that has
 * changed since the page loaded (a class assigned it, or the student left), the save is refused
 * with a message to reload, and the browser keeps the text.
 */
export async function saveDraft(
  actor: Actor | null,
  input: DraftInput,
  now = new Date(),
): Promise<{ revision: number; savedAt: Date }> {
  const a = requireSignedIn(actor);
  const db = getDb();
  return inQueuedTransaction(db, attemptKey(a, input.lessonSlug), async (tx) => {
    const lesson = await findLesson(tx, input.lessonSlug);
    const contexts = await classContexts(tx, a, lesson.id);
    const context = await verifiedContext(tx, a, lesson.id, input.contextKey, contexts);
    if ((await currentContext(tx, a, lesson.id, contexts)).contextKey !== context.contextKey) {
      throw new DomainError(
        "Where this lesson's work goes has changed (a class has assigned it). Reload the page to continue there; your text is kept in this browser.",
        "response",
      );
    }
    const { question, response, cited } = validateAnswer(
      lesson,
      input.questionKey,
      input.response,
      input.citedSentences,
    );
    const attempt = await getOrStartAttempt(tx, a, lesson.id, context, now);
    if (attempt.submittedAt)
      throw new DomainError(
        "This lesson has been submitted; its answers are kept as submitted and can no longer change.",
        "response",
      );

    const row = {
      questionVersion: question.version,
      response,
      citedSentences: cited,
      updatedAt: now,
      maxPoints: question.content.points,
      autoScore: null,
    };
    await tx
      .insert(answers)
      .values({ id: randomUUID(), attemptId: attempt.id, questionId: question.id, revision: 1, ...row })
      .onConflictDoUpdate({
        target: [answers.attemptId, answers.questionId],
        set: { ...row, revision: sql`${answers.revision} + 1` },
      });
    await recordActivity(tx, attempt, now);
    const stored = (
      await tx
        .select({ revision: answers.revision, updatedAt: answers.updatedAt })
        .from(answers)
        .where(and(eq(answers.attemptId, attempt.id), eq(answers.questionId, question.id)))
        .limit(1)
    )[0]!;
    return { revision: stored.revision, savedAt: stored.updatedAt };
  });
}

export type SubmitResult = { alreadySubmitted: boolean; submittedAt: Date; score: ScoreSummary };

/**
 * Submits the lesson in a class: grades every automatically graded answer, once. A second
 * submission (a double click, another tab) finds it submitted and changes nothing.
 */
export async function submitLesson(
  actor: Actor | null,
  lessonSlug: string,
  contextKey: string,
  now = new Date(),
): Promise<SubmitResult> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const result = await inQueuedTransaction(db, attemptKey(a, lessonSlug), async (tx) => {
    const lesson = await findLesson(tx, lessonSlug);
    const context = await verifiedContext(tx, a, lesson.id, contextKey);
    if (context.mode === "self")
      throw new DomainError("Self-study is checked question by question; there is nothing to submit.");
    const attempt = await getOrStartAttempt(tx, a, lesson.id, context, now);
    const claimed = await tx
      .update(attempts)
      .set({ submittedAt: now })
      .where(and(eq(attempts.id, attempt.id), isNull(attempts.submittedAt)));
    if (changedRows(claimed) === 1) {
      const versions = await tx
        .select({ answerId: answers.id, response: answers.response, hash: questionVersions.contentHash })
        .from(answers)
        .innerJoin(
          questionVersions,
          and(
            eq(questionVersions.questionId, answers.questionId),
            eq(questionVersions.version, answers.questionVersion),
          ),
        )
        .where(eq(answers.attemptId, attempt.id));
      // Each answer is graded against the version of the question it was given to.
      const contents = await questionContents(
        tx,
        versions.map((v) => v.hash),
      );
      for (const v of versions) {
        const score = gradeAnswer(contents.get(v.hash)!, v.response);
        await tx.update(answers).set({ autoScore: score }).where(eq(answers.id, v.answerId));
      }
      await recordActivity(tx, attempt, now);
    }
    const submittedAt = (
      await tx.select({ submittedAt: attempts.submittedAt }).from(attempts).where(eq(attempts.id, attempt.id)).limit(1)
    )[0]!.submittedAt!;
    return {
      alreadySubmitted: changedRows(claimed) === 0,
      submittedAt,
      score: await scoreOf(tx, lesson, attempt.id),
      scored: { classId: attempt.classId, lessonId: lesson.id },
    };
  });
  const { scored, ...submitted } = result;
  // Its automatic part goes to the LMS, when the lesson came from an LMS link (db/access/lti-scores.ts).
  if (!submitted.alreadySubmitted && scored.classId)
    await scoresChanged(scored.classId, [{ lessonId: scored.lessonId, studentId: a.userId }], now);
  return submitted;
}

async function scoreOf(
  db: DbOrTx,
  lesson: LessonStructure,
  attemptId: string,
  known?: { rows: (typeof answers.$inferSelect)[] },
): Promise<ScoreSummary> {
  const byQuestion = new Map(
    (known?.rows ?? (await db.select().from(answers).where(eq(answers.attemptId, attemptId)))).map((r) => [
      r.questionId,
      r,
    ]),
  );
  return summariseScores(
    lesson.questions.map((q) => {
      const answer = byQuestion.get(q.id);
      return {
        score: answer?.autoScore ?? null,
        maxPoints: q.content.points,
        answered: answer ? isAnswered(answer.response) : false,
        autoGraded: q.content.type !== "open_response",
      };
    }),
  );
}

export type CheckResult = {
  score: number | null;
  maxPoints: number;
  question: QuestionContent;
  checkedAt: Date;
  attemptNumber: number;
};

/**
 * Self-study: checks one answer now, keeps the check in the learner's history, and returns the
 * question with its keys, explanations and (for open responses) exemplar and rubric.
 */
export async function checkAnswer(
  actor: Actor | null,
  input: Omit<DraftInput, "contextKey">,
  now = new Date(),
): Promise<CheckResult> {
  const a = requireSignedIn(actor);
  const db = getDb();
  return inQueuedTransaction(db, attemptKey(a, input.lessonSlug), async (tx) => {
    const lesson = await findLesson(tx, input.lessonSlug);
    // A lesson assigned in a class is answered there; checking it here would reveal the key before
    // submitting, so checks are refused to anyone in such a class or with class work on it (left and rejoining).
    const assigned = (await classContexts(tx, a, lesson.id))[0];
    if (assigned)
      throw new ForbiddenError(
        `This lesson is assigned in ${assigned.className}: answers are shown after you submit, as your instructor chose.`,
      );
    const classWork = (
      await tx
        .select({ id: attempts.id })
        .from(attempts)
        .where(
          and(eq(attempts.userId, a.userId), eq(attempts.lessonId, lesson.id), sql`${attempts.classId} is not null`),
        )
        .limit(1)
    )[0];
    if (classWork)
      throw new ForbiddenError("You have class work on this lesson, so it is checked by your instructor, not here.");
    const { question, response, cited } = validateAnswer(
      lesson,
      input.questionKey,
      input.response,
      input.citedSentences,
    );
    if (!isAnswered(response)) throw new DomainError("Answer the question first, then check it.", "response");
    const attempt = await getOrStartAttempt(tx, a, lesson.id, { mode: "self", contextKey: SELF }, now);
    const score = gradeAnswer(question.content, response);
    await tx.insert(selfChecks).values({
      id: randomUUID(),
      attemptId: attempt.id,
      questionId: question.id,
      questionVersion: question.version,
      response,
      citedSentences: cited,
      score,
      maxPoints: question.content.points,
      checkedAt: now,
    });
    // The check is history only: the draft itself is the autosave's, which may hold newer text by now.
    await recordActivity(tx, attempt, now);
    const attemptNumber = (
      await tx
        .select({ n: count() })
        .from(selfChecks)
        .where(and(eq(selfChecks.attemptId, attempt.id), eq(selfChecks.questionId, question.id)))
        .limit(1)
    )[0]!.n;
    return { score, maxPoints: question.content.points, question: question.content, checkedAt: now, attemptNumber };
  });
}

export type SavedAnswer = { response: AnswerResponse; citedSentences: string[]; revision: number; savedAt: string };

export type Workspace = {
  /** The owner's id, so the browser keeps unsaved drafts apart on a shared computer. */
  owner: string;
  context: LessonContext;
  submittedAt: string | null;
  answers: Record<string, SavedAnswer>;
  /** After a class submission whose assignment shows answers, or for questions checked in self-study. */
  reveal: Record<string, { score: number | null; maxPoints: number; question: QuestionContent; checks?: number }>;
  score: ScoreSummary | null;
  answeredCount: number;
  questionCount: number;
  /** Feedback the instructor has returned, by question key. */
  feedback: Record<string, ReturnedFeedback>;
  /** For the whole lesson (asked without a passage): each passage's tallies, for the overview. */
  passages?: PassageWork[];
};

/** The actor's work on a lesson where it currently belongs: the context, attempt, questions and answers. */
async function loadOwnWork(actor: Actor | null, lessonSlug: string) {
  const a = requireSignedIn(actor);
  const db = getDb();
  const lesson = await findLesson(db, lessonSlug);
  const context = await currentContext(db, a, lesson.id);
  const attempt = await findAttempt(db, a, lesson.id, context.contextKey);
  const qs = lesson.questions;
  const rows = attempt
    ? await prepared(db, "answers.ofAttempt", (d) =>
        d
          .select()
          .from(answers)
          .where(eq(answers.attemptId, sql.placeholder("attemptId")))
          .prepare(),
      ).execute({ attemptId: attempt.id })
    : [];
  return { a, db, lesson, context, attempt, qs, rows };
}

/**
 * Everything per-user a lesson page needs, in one read: the context, drafts, and what may be
 * revealed. With a passage, drafts, explanations and feedback are that passage's only (the
 * counts stay the lesson's): a passage page needs no more, and the response stays small.
 */
export async function getWorkspace(actor: Actor | null, lessonSlug: string, passageKey?: string): Promise<Workspace> {
  const { a, db, lesson, context, attempt, qs, rows } = await loadOwnWork(actor, lessonSlug);
  const passageId = passageKey === undefined ? undefined : lesson.passagesByKey.get(passageKey)?.id;
  if (passageKey !== undefined && !passageId) throw new NotFoundError("Passage not found.");
  const keyOf = new Map(
    qs.flatMap((q) => (passageId === undefined || q.passageId === passageId ? [[q.id, q.key] as const] : [])),
  );

  const current = new Set(qs.map((q) => q.id));
  const typeOf = new Map(qs.map((q) => [q.id, q.content.type]));
  const saved: Record<string, SavedAnswer> = {};
  for (const r of rows) {
    const key = keyOf.get(r.questionId);
    // An answer to a version of the question of another type (after a re-import) cannot be shown in today's inputs.
    if (key && r.response.type === typeOf.get(r.questionId)) {
      saved[key] = {
        response: r.response,
        citedSentences: r.citedSentences,
        revision: r.revision,
        savedAt: r.updatedAt.toISOString(),
      };
    }
  }
  const reveal: Workspace["reveal"] = {};
  const submitted = attempt?.submittedAt ?? null;
  if (context.mode === "class" && submitted && context.showAnswersAfterSubmit && attempt) {
    // Explained with the version of each question the student answered.
    const answered = await db
      .select({
        questionId: answers.questionId,
        score: answers.autoScore,
        maxPoints: answers.maxPoints,
        hash: questionVersions.contentHash,
      })
      .from(answers)
      .innerJoin(
        questionVersions,
        and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
      )
      .where(and(eq(answers.attemptId, attempt.id), inArray(answers.questionId, [...keyOf.keys()])));
    const contents = await questionContents(
      db,
      answered.map((r) => r.hash),
    );
    for (const r of answered) {
      const key = keyOf.get(r.questionId);
      if (key) reveal[key] = { score: r.score, maxPoints: r.maxPoints, question: contents.get(r.hash)! };
    }
    // A question left unanswered is explained too, with today's version: it scored nothing (an open response awaits its reader).
    for (const q of qs) {
      if (keyOf.has(q.id) && !reveal[q.key])
        reveal[q.key] = {
          score: q.content.type === "open_response" ? null : 0,
          maxPoints: q.content.points,
          question: q.content,
        };
    }
  }
  if (context.mode === "self" && attempt) {
    const checks = await db
      .select({
        questionId: selfChecks.questionId,
        score: selfChecks.score,
        n: sql<number>`count(*) over (partition by ${selfChecks.questionId})`.mapWith(Number),
      })
      .from(selfChecks)
      .where(eq(selfChecks.attemptId, attempt.id))
      .orderBy(desc(selfChecks.checkedAt));
    for (const c of checks) {
      const q = qs.find((x) => x.id === c.questionId);
      if (q && keyOf.has(q.id) && !reveal[q.key])
        reveal[q.key] = { score: c.score, maxPoints: q.content.points, question: q.content, checks: c.n };
    }
  }
  const returned = attempt
    ? await returnedFeedbackForAttempt(attempt.id, [...keyOf.keys()])
    : new Map<string, ReturnedFeedback>();
  const answeredIds = new Set(
    rows.filter((r) => current.has(r.questionId) && isAnswered(r.response)).map((r) => r.questionId),
  );
  return {
    owner: a.userId,
    context,
    submittedAt: submitted?.toISOString() ?? null,
    answers: saved,
    reveal,
    score: submitted && attempt ? await scoreOf(db, lesson, attempt.id, { rows }) : null,
    answeredCount: answeredIds.size,
    questionCount: qs.length,
    feedback: Object.fromEntries([...returned].flatMap(([id, f]) => (keyOf.has(id) ? [[keyOf.get(id)!, f]] : []))),
    passages:
      passageKey === undefined
        ? tallyPassageWork(
            [...lesson.passagesByKey.values()],
            qs.map((q) => ({ id: q.id, passageId: q.passageId, openResponse: q.content.type === "open_response" })),
            {
              answered: answeredIds,
              returned: new Set(returned.keys()),
              unread: new Set([...returned].filter(([, f]) => f.unread).map(([id]) => id)),
              submitted: !!submitted,
            },
          )
        : undefined,
  };
}

export type SummaryItem = {
  key: string;
  passageKey: string;
  passageTitle: string;
  prompt: string;
  type: QuestionContent["type"];
  points: number;
  answered: boolean;
  score: number | null;
  state: "unanswered" | "draft" | "submitted" | "awaiting-feedback" | "feedback-returned" | "checked";
  citedSentences: { id: string; text: string }[];
  feedback: ReturnedFeedback | null;
};

export type LessonSummary = {
  lesson: { slug: string; title: string };
  context: LessonContext;
  submittedAt: Date | null;
  activeSeconds: number;
  items: SummaryItem[];
  score: ScoreSummary | null;
  showScores: boolean;
};

/** The learner's own overview of a lesson: every question's state, score where known, time spent. */
export async function getLessonSummary(actor: Actor | null, lessonSlug: string): Promise<LessonSummary> {
  const { db, lesson, context, attempt, qs, rows } = await loadOwnWork(actor, lessonSlug);
  const passageRows = await db
    .select({ id: passages.id, key: passages.key, title: passages.title, body: passages.body })
    .from(passages)
    .where(eq(passages.lessonId, lesson.id));
  const passageOf = new Map(passageRows.map((p) => [p.id, p]));
  const sentenceText = new Map(
    passageRows.flatMap((p) => p.body.flatMap((g) => g.sentences.map((s) => [s.id, s.text] as const))),
  );
  const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
  // Self-study: a question counts as checked, with that check's score, while its answer is the one checked.
  const latestCheck = new Map<string, { score: number | null; response: unknown }>();
  if (attempt && context.mode === "self") {
    for (const c of await db
      .select()
      .from(selfChecks)
      .where(eq(selfChecks.attemptId, attempt.id))
      .orderBy(asc(selfChecks.checkedAt))) {
      latestCheck.set(c.questionId, { score: c.score, response: c.response });
    }
  }
  const checkOf = (questionId: string, response: unknown) => {
    const check = latestCheck.get(questionId);
    return check && JSON.stringify(check.response) === JSON.stringify(response) ? check : null;
  };
  const submitted = attempt?.submittedAt ?? null;
  const showScores = context.mode === "self" || (!!submitted && context.showAnswersAfterSubmit);
  const returned = attempt ? await returnedFeedbackForAttempt(attempt.id) : new Map<string, ReturnedFeedback>();

  const items: SummaryItem[] = qs.map((q) => {
    const answer = byQuestion.get(q.id);
    const answered = answer ? isAnswered(answer.response) : false;
    const open = q.content.type === "open_response";
    const state: SummaryItem["state"] = !answered
      ? "unanswered"
      : submitted
        ? returned.has(q.id)
          ? "feedback-returned"
          : open
            ? "awaiting-feedback"
            : "submitted"
        : checkOf(q.id, answer?.response)
          ? "checked"
          : "draft";
    const passage = passageOf.get(q.passageId)!;
    return {
      key: q.key,
      passageKey: passage.key,
      passageTitle: passage.title,
      prompt: q.content.prompt,
      type: q.content.type,
      points: q.content.points,
      answered,
      score: !showScores
        ? null
        : context.mode === "self"
          ? (checkOf(q.id, answer?.response)?.score ?? null)
          : (answer?.autoScore ?? null),
      state,
      citedSentences: (answer?.citedSentences ?? []).map((id) => ({ id, text: sentenceText.get(id) ?? "" })),
      feedback: returned.get(q.id) ?? null,
    };
  });
  return {
    lesson: { slug: lesson.slug, title: lesson.title },
    context,
    submittedAt: submitted,
    activeSeconds: attempt?.activeSeconds ?? 0,
    items,
    score: submitted && attempt ? await scoreOf(db, lesson, attempt.id) : null,
    showScores,
  };
}

/** For the lesson list: how many questions of each lesson this actor has answered. */
export async function listLessonProgress(
  actor: Actor | null,
): Promise<Record<string, { answered: number; total: number; submitted: boolean }>> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const questionCounts = await countQuestionsByLesson();
  const totals = (await db.select({ slug: lessons.slug, lessonId: lessons.id }).from(lessons)).map((l) => ({
    ...l,
    total: questionCounts.get(l.lessonId) ?? 0,
  }));
  const result: Record<string, { answered: number; total: number; submitted: boolean }> = {};
  const userAttempts = await db.select().from(attempts).where(eq(attempts.userId, a.userId));
  const answerRows = userAttempts.length
    ? await db
        .select({ attemptId: answers.attemptId, response: answers.response })
        .from(answers)
        .innerJoin(questions, eq(questions.id, answers.questionId))
        .where(
          and(
            inArray(
              answers.attemptId,
              userAttempts.map((x) => x.id),
            ),
            isNull(questions.retiredAt),
          ),
        )
    : [];
  for (const t of totals) {
    const context = await currentContext(db, a, t.lessonId);
    const attempt = userAttempts.find((x) => x.lessonId === t.lessonId && x.contextKey === context.contextKey);
    const answered = attempt
      ? answerRows.filter((r) => r.attemptId === attempt.id && isAnswered(r.response)).length
      : 0;
    result[t.slug] = { answered, total: t.total, submitted: !!attempt?.submittedAt };
  }
  return result;
}
