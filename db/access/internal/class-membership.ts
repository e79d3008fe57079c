/**
 * Which of a student's classes assigned a lesson. Internal to db/access: the caller has the
 * student as its actor, so no one else's classes are ever asked about.
 */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { type DbOrTx } from "../../transaction";
import { prepared } from "../../prepared";
import type { AssignedClass } from "../classes";
import { assignments, classes, enrollments } from "../../schema";

/**
 * The classes a student belongs to that assigned the lesson, soonest due first: where their work
 * on it goes (answers) and where they discuss it. Inside the data layer only: the caller has the
 * student as its actor. Runs on every per-user request, so it is built once.
 */
export async function classesAssigningLesson(
  db: DbOrTx,
  studentId: string,
  lessonId: string,
): Promise<AssignedClass[]> {
  return await prepared(db, "classes.assigningLesson", (d) =>
    d
      .select({
        classId: classes.id,
        className: classes.name,
        instructorId: classes.instructorId,
        dueAt: assignments.dueAt,
        showAnswersAfterSubmit: assignments.showAnswersAfterSubmit,
      })
      .from(assignments)
      .innerJoin(classes, eq(classes.id, assignments.classId))
      .innerJoin(
        enrollments,
        and(eq(enrollments.classId, classes.id), eq(enrollments.studentId, sql.placeholder("studentId"))),
      )
      .where(eq(assignments.lessonId, sql.placeholder("lessonId")))
      .orderBy(sql`${assignments.dueAt} is null`, asc(assignments.dueAt), asc(classes.name))
      .prepare(),
  ).execute({ studentId, lessonId });
}
