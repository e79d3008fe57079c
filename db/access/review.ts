/**
 * What an instructor reads to review a class's answers: the review queue (by question or by
 * student) and one student's lesson. Only the class's instructor reads them.
 */
import "server-only";
import { submittedInClass } from "./internal/class-answers";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { cachedForClass } from "./internal/class-cache";
import { answers, attempts, feedback, lessons, passages, questions, questionVersions, users } from "../schema";
import { taughtClass } from "./classes";
import { citationScopeOf } from "@/lib/lesson/citation-scope";
import type { QuestionContent } from "@/content/schema";
import type { Actor } from "@/lib/actor";
import { NotFoundError } from "@/lib/errors";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import type { InlineComment } from "@/lib/inline-comments";
import { correctAnswerFor } from "@/lib/review/correct-answer";
import { buildGradebook, type GradebookTotals } from "@/lib/gradebook";
import { isAnswered } from "@/lib/answers/response-shape";
import { questionContent, questionContents } from "./question-content";
import { stateOf, latestReturned, describeResponse, articleBodies } from "./internal/returned-feedback";

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
  await taughtClass(actor, classId);
  const { lessonSlug, questionKey, state, anonymous = false } = options;
  return await cachedForClass(classId, `review:${JSON.stringify([lessonSlug, questionKey, state, anonymous])}`, () =>
    reviewQueueOf(classId, { lessonSlug, questionKey, state, anonymous }),
  );
}

async function reviewQueueOf(classId: string, options: ReviewOptions): Promise<ReviewQueue> {
  const { lessonSlug, questionKey, state, anonymous = false } = options;
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
    .innerJoin(attempts, submittedInClass(classId))
    .innerJoin(users, eq(users.id, attempts.userId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(passages, eq(passages.id, questions.passageId))
    .leftJoin(feedback, eq(feedback.answerId, answers.id))
    .where(eq(questions.type, "open_response"))
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
