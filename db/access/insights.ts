/** Class statistics for the instructor (students never see them): one lesson, a few queries. */
import "server-only";
import { and, asc, count, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { answers, attempts, enrollments, feedback, questions, questionVersions } from "../schema";
import { loadClassLesson } from "./gradebook";
import type { Actor } from "@/lib/actor";
import { completionOverTime, mostOftenWrong, questionInsights, type QuestionInsight } from "@/lib/insights";
import { questionContents } from "./question-content";
import { submittedInClass } from "./internal/class-answers";

export type Insights = {
  lessons: { slug: string; title: string }[];
  lesson: { slug: string; title: string } | null;
  submissions: number;
  enrolled: number;
  questions: QuestionInsight[];
  mostOftenWrong: QuestionInsight[];
  completion: { day: string; count: number; cumulative: number }[];
};

export async function getInsights(actor: Actor | null, classId: string, lessonSlug?: string): Promise<Insights> {
  const { all: assigned, lesson } = await loadClassLesson(actor, classId, lessonSlug);
  const db = getDb();
  const list = assigned.map(({ slug, title }) => ({ slug, title }));
  const enrolled = (
    await db.select({ n: count() }).from(enrollments).where(eq(enrollments.classId, classId)).limit(1)
  )[0]!.n;
  if (!lesson)
    return { lessons: list, lesson: null, submissions: 0, enrolled, questions: [], mostOftenWrong: [], completion: [] };

  const versions = await db
    .select({ key: questions.key, hash: questionVersions.contentHash })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
    )
    .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  const contents = await questionContents(
    db,
    versions.map((q) => q.hash),
  );
  const qs = versions.map((q) => ({ key: q.key, content: contents.get(q.hash)! }));
  // Only students still in the class, so "n of enrolled submitted" adds up.
  const submitted = await db
    .select({ submittedAt: attempts.submittedAt })
    .from(attempts)
    .innerJoin(enrollments, and(eq(enrollments.classId, classId), eq(enrollments.studentId, attempts.userId)))
    .where(and(eq(attempts.classId, classId), eq(attempts.lessonId, lesson.id), isNotNull(attempts.submittedAt)));
  const rows = await db
    .select({
      questionKey: questions.key,
      response: answers.response,
      autoScore: answers.autoScore,
      rubricLevels: feedback.rubricLevels,
    })
    .from(answers)
    .innerJoin(attempts, submittedInClass(classId, lesson.id))
    .innerJoin(enrollments, and(eq(enrollments.classId, classId), eq(enrollments.studentId, attempts.userId)))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .leftJoin(feedback, eq(feedback.answerId, answers.id));
  const insights = questionInsights(
    qs,
    rows.map((r) => ({ ...r, response: r.response })),
  );
  return {
    lessons: list,
    lesson: { slug: lesson.slug, title: lesson.title },
    submissions: submitted.length,
    enrolled,
    questions: insights,
    mostOftenWrong: mostOftenWrong(insights),
    completion: completionOverTime(submitted.map((s) => s.submittedAt!)),
  };
}
