/**
 * The answers a class has submitted: the one join the review queue, the gradebook and the
 * insights share. Internal to db/access: callers have checked that the actor teaches the class.
 */
import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import { answers, attempts } from "../../schema";

/** Joins answers to their attempt when it was submitted in `classId` (and, if given, for `lessonId`). */
export function submittedInClass(classId: string, lessonId?: string): SQL {
  return and(
    eq(attempts.id, answers.attemptId),
    eq(attempts.classId, classId),
    lessonId === undefined ? undefined : eq(attempts.lessonId, lessonId),
    isNotNull(attempts.submittedAt),
  )!;
}
