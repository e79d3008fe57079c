/**
 * The gradebook and its CSV exports: only the class's instructor, one lesson at a time, built
 * from a handful of queries whatever the class size (no query per student or per answer).
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { cachedForClass } from "./internal/class-cache";
import {
  answers,
  assignments,
  attempts,
  enrollments,
  feedback,
  lessons,
  passages,
  questions,
  questionVersions,
  users,
} from "../schema";
import { taughtClass } from "./classes";
import { describeResponse, latestReturned } from "./internal/returned-feedback";
import type { Actor } from "@/lib/actor";
import { NotFoundError } from "@/lib/errors";
import { isAnswered } from "@/lib/answers/response-shape";
import {
  buildGradebook,
  type GradebookAnswer,
  type GradebookQuestion,
  type GradebookRow,
  type GradebookStudent,
} from "@/lib/gradebook";
import { questionContents } from "./question-content";
import { submittedInClass } from "./internal/class-answers";
import { answerState, type AnswerCsvRow } from "@/lib/gradebook-csv";

export type Gradebook = {
  lessons: { slug: string; title: string }[];
  lesson: { slug: string; title: string } | null;
  questions: (GradebookQuestion & { prompt: string; passageTitle: string })[];
  rows: GradebookRow[];
};

/** The lessons assigned in a class, by title. */
export async function assignedLessons(classId: string) {
  return await getDb()
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(eq(assignments.classId, classId))
    .orderBy(asc(lessons.title));
}

/** The class the actor teaches and one of its lessons (the first, unless named). */
export async function loadClassLesson(actor: Actor | null, classId: string, lessonSlug?: string) {
  await taughtClass(actor, classId);
  return await classLesson(classId, lessonSlug);
}

async function classLesson(classId: string, lessonSlug?: string) {
  const all = await assignedLessons(classId);
  const lesson = lessonSlug ? all.find((l) => l.slug === lessonSlug) : all[0];
  if (lessonSlug && !lesson) throw new NotFoundError("That lesson is not assigned in this class.");
  return { all, lesson };
}

/** The class's gradebook for one lesson (the first, unless named), kept while the class is unchanged. */
export async function getGradebook(actor: Actor | null, classId: string, lessonSlug?: string): Promise<Gradebook> {
  await taughtClass(actor, classId);
  return await cachedForClass(classId, `gradebook:${lessonSlug ?? ""}`, () => gradebookOf(classId, lessonSlug));
}

/**
 * The same gradebook for the LMS score sync (db/access/lti-scores.ts), which runs after an
 * authorized write as the system, not as an actor.
 */
export async function classGradebook(classId: string, lessonSlug: string): Promise<Gradebook> {
  return await cachedForClass(classId, `gradebook:${lessonSlug}`, () => gradebookOf(classId, lessonSlug));
}

async function gradebookOf(classId: string, lessonSlug?: string): Promise<Gradebook> {
  const { all, lesson } = await classLesson(classId, lessonSlug);
  const lessonsList = all.map(({ slug, title }) => ({ slug, title }));
  if (!lesson) return { lessons: lessonsList, lesson: null, questions: [], rows: [] };
  const db = getDb();

  const questionRows = await db
    .select({
      key: questions.key,
      type: questions.type,
      points: questions.points,
      prompt: questions.prompt,
      passageTitle: passages.title,
      passagePosition: passages.position,
    })
    .from(questions)
    .innerJoin(passages, eq(passages.id, questions.passageId))
    .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  const gbQuestions = questionRows.map((q, i) => ({
    key: q.key,
    label: `Q${i + 1}`,
    points: q.points,
    autoGraded: q.type !== "open_response",
    prompt: q.prompt,
    passageTitle: q.passageTitle,
  }));

  const roster = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(eq(enrollments.classId, classId))
    .orderBy(asc(users.name));
  const submitted = new Set(
    (
      await db
        .select({ userId: attempts.userId, submittedAt: attempts.submittedAt })
        .from(attempts)
        .where(and(eq(attempts.classId, classId), eq(attempts.lessonId, lesson.id)))
    )
      .filter((a) => a.submittedAt)
      .map((a) => a.userId),
  );
  const students: GradebookStudent[] = roster.map((s) => ({ ...s, submitted: submitted.has(s.id) }));

  const answerRows = await db
    .select({
      studentId: attempts.userId,
      questionKey: questions.key,
      response: answers.response,
      autoScore: answers.autoScore,
      feedbackId: feedback.id,
      feedbackPoints: feedback.points,
    })
    .from(answers)
    .innerJoin(
      attempts,
      and(eq(attempts.id, answers.attemptId), eq(attempts.classId, classId), eq(attempts.lessonId, lesson.id)),
    )
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .leftJoin(feedback, eq(feedback.answerId, answers.id));
  // What counts is what the student was given: the last returned version, else the draft (shown as not returned).
  const returned = await latestReturned(answerRows.flatMap((r) => (r.feedbackId ? [r.feedbackId] : [])));
  const gbAnswers: GradebookAnswer[] = answerRows.map((r) => ({
    studentId: r.studentId,
    questionKey: r.questionKey,
    answered: isAnswered(r.response),
    autoScore: r.autoScore,
    feedback: !r.feedbackId
      ? null
      : returned.has(r.feedbackId)
        ? { points: returned.get(r.feedbackId)!.snapshot.points, returned: true }
        : { points: r.feedbackPoints, returned: false },
  }));
  return {
    lessons: lessonsList,
    lesson: { slug: lesson.slug, title: lesson.title },
    questions: gbQuestions,
    rows: buildGradebook(gbQuestions, students, gbAnswers),
  };
}

export type AnswerExportRow = AnswerCsvRow;

/** Every submitted answer of the lesson in the class, with its text, citations, scores and returned feedback. */
export async function exportAnswers(
  actor: Actor | null,
  classId: string,
  lessonSlug: string,
): Promise<AnswerExportRow[]> {
  const { lesson } = await loadClassLesson(actor, classId, lessonSlug);
  if (!lesson) return [];
  const db = getDb();
  const rows = await db
    .select({
      feedbackId: feedback.id,
      student: users.name,
      email: users.email,
      questionKey: questions.key,
      position: questions.position,
      hash: questionVersions.contentHash,
      response: answers.response,
      citedSentences: answers.citedSentences,
      body: passages.body,
      passage: passages.title,
      autoScore: answers.autoScore,
      maxPoints: answers.maxPoints,
    })
    .from(answers)
    .innerJoin(attempts, submittedInClass(classId, lesson.id))
    .innerJoin(users, eq(users.id, attempts.userId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(passages, eq(passages.id, questions.passageId))
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
    )
    .leftJoin(feedback, eq(feedback.answerId, answers.id))
    .orderBy(asc(users.name), asc(questions.position));
  const latest = await latestReturned(rows.flatMap((r) => (r.feedbackId ? [r.feedbackId] : [])));
  // Numbered as the gradebook numbers them: the lesson's current questions in order.
  const numberOf = new Map(
    (
      await db
        .select({ key: questions.key })
        .from(questions)
        .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)))
        .orderBy(asc(questions.position))
    ).map((q, i) => [q.key, i + 1]),
  );
  const contents = await questionContents(
    db,
    rows.map((r) => r.hash),
  );
  return rows.map((r) => {
    const q = contents.get(r.hash)!;
    const response = r.response;
    const textOf = new Map(r.body.flatMap((g) => g.sentences.map((s) => [s.id, s.text] as const)));
    const answerText = describeResponse(q, response, textOf);
    const returned = r.feedbackId ? latest.get(r.feedbackId)?.snapshot : undefined;
    return {
      student: r.student,
      email: r.email,
      questionNumber: numberOf.get(r.questionKey) ?? null,
      question: r.questionKey,
      passage: r.passage,
      prompt: q.prompt,
      type: q.type,
      answer: answerText,
      citedSentences: r.citedSentences.map((id) => textOf.get(id) ?? id).join(" | "),
      autoScore: r.autoScore,
      feedbackPoints: returned?.points ?? null,
      maxPoints: r.maxPoints,
      state: answerState({ autoGraded: q.type !== "open_response", hasFeedback: !!r.feedbackId, returned: !!returned }),
      returnedComment: returned?.comment ?? "",
      inlineComments: returned?.inlineComments ?? [],
    };
  });
}

/** The lessons assigned in a class the actor teaches, for choosing one. */
export async function assignedLessonsOf(
  actor: Actor | null,
  classId: string,
): Promise<{ slug: string; title: string }[]> {
  return (await loadClassLesson(actor, classId)).all.map(({ slug, title }) => ({ slug, title }));
}
