/**
 * Classes, their rosters and assignments. Every function takes the acting user and checks,
 * here, what they may see or change: an instructor only their own classes, a student only
 * the classes they belong to. A class the actor may not see is "not found", never "forbidden",
 * so ids reveal nothing.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { answersFingerprint, cachedForClass } from "./internal/class-cache";
import { inTransaction, type DbOrTx } from "../transaction";
import { changedRows, isUniqueViolation } from "../dialect";
import {
  answers,
  assignments,
  attempts,
  classes,
  enrollments,
  feedback,
  feedbackHistory,
  lessons,
  questions,
  users,
} from "../schema";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { generateJoinCode, JOIN_CODE_LIFETIME_MS, normaliseJoinCode } from "@/lib/join-code";
import { isAnswered } from "@/lib/answers/response-shape";
import {
  describeLessonProgress,
  lessonProgressState,
  type LessonProgressFacts,
  type LessonProgressState,
} from "@/lib/class-progress";

export type AssignmentView = {
  id: string;
  lessonSlug: string;
  lessonTitle: string;
  dueAt: Date | null;
  showAnswersAfterSubmit: boolean;
};

export type ClassSummary = {
  id: string;
  name: string;
  instructorName: string;
  studentCount: number;
  assignments: AssignmentView[];
};

export type ClassDetail = ClassSummary & {
  /** Present only for the class's instructor. */
  teaching: null | {
    joinCode: string;
    joinCodeExpiresAt: Date;
    roster: RosterStudent[];
  };
};

/** A student on the roster, with where they are in each assigned lesson (in the order of the assignments). */
export type RosterStudent = {
  id: string;
  name: string;
  email: string;
  joinedAt: Date;
  lessons: { lessonSlug: string; lessonTitle: string; state: LessonProgressState; description: string }[];
};

function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in first.");
  return actor;
}

function requireInstructor(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (a.role !== "instructor") throw new ForbiddenError("Only instructors can do this.");
  return a;
}

/** The class row when the actor teaches it; otherwise not found. Other data-access modules use it too. */
export async function taughtClass(actor: Actor | null, classId: string) {
  const a = requireInstructor(actor);
  const row = (
    await getDb()
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.instructorId, a.userId)))
      .limit(1)
  )[0];
  if (!row) throw new NotFoundError("Class not found.");
  return row;
}

/** The name of a class the actor teaches (pages' breadcrumbs: getClass builds the whole roster). */
export async function taughtClassName(actor: Actor | null, classId: string): Promise<string> {
  return (await taughtClass(actor, classId)).name;
}

async function isEnrolled(studentId: string, classId: string): Promise<boolean> {
  return !!(
    await getDb()
      .select({ one: sql`1` })
      .from(enrollments)
      .where(and(eq(enrollments.classId, classId), eq(enrollments.studentId, studentId)))
      .limit(1)
  )[0];
}

async function assignmentsOf(classIds: string[]): Promise<Map<string, AssignmentView[]>> {
  const byClass = new Map<string, AssignmentView[]>(classIds.map((id) => [id, []]));
  if (classIds.length === 0) return byClass;
  const rows = await getDb()
    .select({
      id: assignments.id,
      classId: assignments.classId,
      lessonSlug: lessons.slug,
      lessonTitle: lessons.title,
      dueAt: assignments.dueAt,
      showAnswersAfterSubmit: assignments.showAnswersAfterSubmit,
    })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(inArray(assignments.classId, classIds))
    .orderBy(sql`${assignments.dueAt} is null`, asc(assignments.dueAt), asc(lessons.title));
  for (const { classId, ...view } of rows) byClass.get(classId)!.push(view);
  return byClass;
}

const studentCount =
  sql<number>`(select count(*) from ${enrollments} where ${enrollments.classId} = ${classes.id})`.mapWith(Number);

/** The classes an instructor teaches, or a student belongs to. */
export type AssignedClass = {
  classId: string;
  className: string;
  instructorId: string;
  dueAt: Date | null;
  showAnswersAfterSubmit: boolean;
};

export async function listMyClasses(actor: Actor | null): Promise<ClassSummary[]> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const base = db
    .select({ id: classes.id, name: classes.name, instructorName: users.name, studentCount })
    .from(classes)
    .innerJoin(users, eq(users.id, classes.instructorId));
  const rows =
    a.role === "instructor"
      ? await base.where(eq(classes.instructorId, a.userId)).orderBy(asc(classes.name))
      : await base
          .innerJoin(enrollments, and(eq(enrollments.classId, classes.id), eq(enrollments.studentId, a.userId)))
          .orderBy(asc(classes.name));
  const byClass = await assignmentsOf(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, assignments: byClass.get(r.id)! }));
}

/** One class: the instructor sees roster and join code; an enrolled student sees the class and its assignments. */
export async function getClass(actor: Actor | null, classId: string): Promise<ClassDetail> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const row = (
    await db
      .select({
        id: classes.id,
        name: classes.name,
        instructorId: classes.instructorId,
        joinCode: classes.joinCode,
        joinCodeExpiresAt: classes.joinCodeExpiresAt,
        instructorName: users.name,
        studentCount,
      })
      .from(classes)
      .innerJoin(users, eq(users.id, classes.instructorId))
      .where(eq(classes.id, classId))
      .limit(1)
  )[0];
  const teaches = row?.instructorId === a.userId;
  if (!row || (!teaches && !(a.role === "student" && (await isEnrolled(a.userId, classId)))))
    throw new NotFoundError("Class not found.");

  const summary: ClassSummary = {
    id: row.id,
    name: row.name,
    instructorName: row.instructorName,
    studentCount: row.studentCount,
    assignments: (await assignmentsOf([row.id])).get(row.id)!,
  };
  if (!teaches) return { ...summary, teaching: null };
  // The roster reads every answer of the class (1,680 for 40 students): kept until the class or its answers change.
  const roster = await cachedForClass(
    classId,
    "roster",
    () => rosterOf(db, classId),
    () => answersFingerprint(classId),
  );
  return { ...summary, teaching: { joinCode: row.joinCode, joinCodeExpiresAt: row.joinCodeExpiresAt, roster } };
}

/** Each student with their progress in each assigned lesson; reads the assignments itself, at the version it is kept under. */
async function rosterOf(db: DbOrTx, classId: string) {
  const assignments = (await assignmentsOf([classId])).get(classId) ?? [];
  const students = await db
    .select({ id: users.id, name: users.name, email: users.email, joinedAt: enrollments.joinedAt })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(eq(enrollments.classId, classId))
    .orderBy(asc(users.name));
  const progress = await rosterProgress(db, classId);
  return students.map((s) => ({
    ...s,
    lessons: assignments.map((a) => {
      const facts = progress.facts(s.id, a.lessonSlug);
      return {
        lessonSlug: a.lessonSlug,
        lessonTitle: a.lessonTitle,
        state: lessonProgressState(facts),
        description: describeLessonProgress(facts),
      };
    }),
  }));
}

/**
 * For the class's instructor (the caller has checked): per student and assigned lesson, what was
 * answered, submitted and returned, in three queries whatever the class size.
 */
async function rosterProgress(db: DbOrTx, classId: string) {
  const lessonRows = await db
    .select({
      id: lessons.id,
      slug: lessons.slug,
      questions:
        sql<number>`(select count(*) from ${questions} where ${questions.lessonId} = ${lessons.id} and ${questions.retiredAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(eq(assignments.classId, classId));
  const attemptRows = await db
    .select({ userId: attempts.userId, lessonId: attempts.lessonId, submittedAt: attempts.submittedAt })
    .from(attempts)
    .where(eq(attempts.classId, classId));
  const answerRows = await db
    .select({
      userId: attempts.userId,
      lessonId: attempts.lessonId,
      submittedAt: attempts.submittedAt,
      response: answers.response,
      type: questions.type,
      retiredAt: questions.retiredAt,
      // Returned at least once: the student has feedback to read, whatever drafts followed.
      returned:
        sql<boolean>`exists (select 1 from ${feedbackHistory} where ${feedbackHistory.feedbackId} = ${feedback.id})`.mapWith(
          Boolean,
        ),
    })
    .from(answers)
    .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.classId, classId)))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .leftJoin(feedback, eq(feedback.answerId, answers.id));

  const key = (userId: string, lessonId: string) => `${userId}\u0000${lessonId}`;
  const facts = new Map<string, LessonProgressFacts>();
  const questionCount = new Map(lessonRows.map((l) => [l.id, Number(l.questions)]));
  const factsOf = (userId: string, lessonId: string) => {
    const k = key(userId, lessonId);
    let f = facts.get(k);
    if (!f) {
      f = {
        answered: 0,
        questions: questionCount.get(lessonId) ?? 0,
        submitted: false,
        awaitingFeedback: 0,
        feedbackReturned: 0,
      };
      facts.set(k, f);
    }
    return f;
  };
  for (const a of attemptRows) if (a.submittedAt) factsOf(a.userId, a.lessonId).submitted = true;
  for (const r of answerRows) {
    const f = factsOf(r.userId, r.lessonId);
    const answered = isAnswered(r.response);
    if (answered && !r.retiredAt) f.answered++;
    if (r.returned) f.feedbackReturned++;
    else if (r.submittedAt && answered && r.type === "open_response") f.awaitingFeedback++;
  }
  const idBySlug = new Map(lessonRows.map((l) => [l.slug, l.id]));
  return {
    facts: (userId: string, lessonSlug: string): LessonProgressFacts => {
      const lessonId = idBySlug.get(lessonSlug);
      return lessonId
        ? factsOf(userId, lessonId)
        : { answered: 0, questions: 0, submitted: false, awaitingFeedback: 0, feedbackReturned: 0 };
    },
  };
}

/** Inserts with a fresh join code, drawing again in the (vanishingly rare) case of a collision. */
async function withUniqueJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (err) {
      const collision = isUniqueViolation(err, "classes", "join_code");
      if (!collision || attempt >= 4) throw err;
    }
  }
}

export async function createClass(
  actor: Actor | null,
  input: { name: string },
  now = new Date(),
): Promise<{ id: string }> {
  const a = requireInstructor(actor);
  const id = randomUUID();
  await withUniqueJoinCode((joinCode) =>
    inTransaction(getDb(), (tx) =>
      tx.insert(classes).values({
        id,
        name: input.name,
        instructorId: a.userId,
        joinCode,
        joinCodeExpiresAt: new Date(now.getTime() + JOIN_CODE_LIFETIME_MS),
        createdAt: now,
      }),
    ),
  );
  return { id };
}

/** A new code; the old one stops working at once. */
export async function regenerateJoinCode(actor: Actor | null, classId: string, now = new Date()): Promise<string> {
  await taughtClass(actor, classId);
  return withUniqueJoinCode((joinCode) =>
    inTransaction(getDb(), async (tx) => {
      await tx
        .update(classes)
        .set({ joinCode, joinCodeExpiresAt: new Date(now.getTime() + JOIN_CODE_LIFETIME_MS) })
        .where(eq(classes.id, classId));
      return joinCode;
    }),
  );
}

export async function removeStudent(actor: Actor | null, classId: string, studentId: string): Promise<void> {
  await taughtClass(actor, classId);
  const removed = await inTransaction(getDb(), (tx) =>
    tx.delete(enrollments).where(and(eq(enrollments.classId, classId), eq(enrollments.studentId, studentId))),
  );
  if (changedRows(removed) === 0) throw new NotFoundError("That student is not in this class.");
}

export async function assignLesson(
  actor: Actor | null,
  input: { classId: string; lessonSlug: string; dueAt: Date | null; showAnswersAfterSubmit: boolean },
  now = new Date(),
): Promise<void> {
  await taughtClass(actor, input.classId);
  const db = getDb();
  const lesson = (
    await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, input.lessonSlug)).limit(1)
  )[0];
  if (!lesson) throw new DomainError("Choose a lesson from the list.", "lessonSlug");
  const settings = { dueAt: input.dueAt, showAnswersAfterSubmit: input.showAnswersAfterSubmit };
  // Assigning a lesson again updates its due date and setting.
  await inTransaction(db, (tx) =>
    tx
      .insert(assignments)
      .values({ id: randomUUID(), classId: input.classId, lessonId: lesson.id, ...settings, createdAt: now })
      .onConflictDoUpdate({ target: [assignments.classId, assignments.lessonId], set: settings }),
  );
}

export async function unassignLesson(actor: Actor | null, classId: string, assignmentId: string): Promise<void> {
  await taughtClass(actor, classId);
  const removed = await inTransaction(getDb(), (tx) =>
    tx.delete(assignments).where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId))),
  );
  if (changedRows(removed) === 0) throw new NotFoundError("Assignment not found.");
}

/** A student joins with a code; joining a class twice is harmless. */
export async function joinClass(
  actor: Actor | null,
  code: string,
  now = new Date(),
): Promise<{ id: string; name: string }> {
  const a = requireSignedIn(actor);
  if (a.role !== "student")
    throw new DomainError("Instructors do not join classes; sign in with a student account to join one.", "code");
  const db = getDb();
  const row = (
    await db
      .select()
      .from(classes)
      .where(eq(classes.joinCode, normaliseJoinCode(code)))
      .limit(1)
  )[0];
  if (!row) throw new DomainError("No class has that code. Check it with your instructor.", "code");
  if (row.joinCodeExpiresAt <= now)
    throw new DomainError("That code has expired. Ask your instructor for the new one.", "code");
  await inTransaction(db, (tx) =>
    tx.insert(enrollments).values({ classId: row.id, studentId: a.userId, joinedAt: now }).onConflictDoNothing(),
  );
  return { id: row.id, name: row.name };
}

export async function leaveClass(actor: Actor | null, classId: string): Promise<void> {
  const a = requireSignedIn(actor);
  const removed = await inTransaction(getDb(), (tx) =>
    tx.delete(enrollments).where(and(eq(enrollments.classId, classId), eq(enrollments.studentId, a.userId))),
  );
  if (changedRows(removed) === 0) throw new NotFoundError("Class not found.");
}

/** For the assign form: the lessons an instructor can choose from. */
export async function listAssignableLessons(actor: Actor | null): Promise<{ slug: string; title: string }[]> {
  requireInstructor(actor);
  return await getDb().select({ slug: lessons.slug, title: lessons.title }).from(lessons).orderBy(asc(lessons.title));
}
