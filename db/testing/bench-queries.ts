/**
 * What the benchmarks read from and add to their own seeded database (data/bench*.db): the seeded
 * people and class, a student still working on the lesson for the autosave run, and the sum of
 * students' answer revisions, which proves every acknowledged save was stored. Tooling.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { answers, attempts, classes, enrollments, questions, users } from "../schema";

type User = typeof users.$inferSelect;

export async function benchUser(db: Db, email: string): Promise<User> {
  const user = (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];
  if (!user) throw new Error(`The benchmark database has no ${email}; delete it to seed again.`);
  return user;
}

/** The first class the seeded instructor teaches. */
export async function benchClassOf(db: Db, instructorId: string): Promise<string> {
  return (await db.select({ id: classes.id }).from(classes).where(eq(classes.instructorId, instructorId)).limit(1))[0]!
    .id;
}

/**
 * A student of `classId` (and of no other class) who has not submitted (the seeded ones all
 * have), made once. Databases seeded by older benchmarks had them in another class: moved.
 */
export async function ensureWorkingStudent(
  db: Db,
  classId: string,
  email: string,
  passwordHash: string,
): Promise<User> {
  if (!(await db.select().from(users).where(eq(users.email, email)).limit(1))[0]) {
    const id = randomUUID();
    await db.insert(users).values({
      id,
      email,
      name: "Autosave Student",
      role: "student",
      passwordHash,
      sessionVersion: 1,
      createdAt: new Date(),
    });
  }
  const user = await benchUser(db, email);
  await db.delete(enrollments).where(and(eq(enrollments.studentId, user.id), ne(enrollments.classId, classId)));
  await db.insert(enrollments).values({ classId, studentId: user.id, joinedAt: new Date() }).onConflictDoNothing();
  return user;
}

export async function currentOpenQuestions(db: Db): Promise<{ id: string; key: string }[]> {
  return await db
    .select({ id: questions.id, key: questions.key })
    .from(questions)
    .where(and(eq(questions.type, "open_response"), isNull(questions.retiredAt)));
}

/** The sum of some students' answers' revision counters, and how many answers they have. */
export async function revisionTotals(db: Db, userIds: string[]): Promise<{ n: number; rows: number }> {
  const row = (
    await db
      .select({ n: sql<number>`coalesce(sum(${answers.revision}), 0)`.mapWith(Number), rows: count() })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .where(inArray(attempts.userId, userIds))
      .limit(1)
  )[0];
  return { n: Number(row?.n ?? 0), rows: Number(row?.rows ?? 0) };
}
