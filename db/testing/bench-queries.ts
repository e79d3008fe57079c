/**
 * What the benchmarks read from and add to their own seeded database (data/bench*.db): the seeded
 * people and class, a student still working on the lesson for the autosave run, and the sum of
 * that student's answer revisions, which proves every acknowledged save was stored. Tooling.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { answers, attempts, classes, enrollments, questions, users } from "../schema";

type User = typeof users.$inferSelect;

export function benchUser(db: Db, email: string): User {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`The benchmark database has no ${email}; delete it to seed again.`);
  return user;
}

/** The first class the seeded instructor teaches. */
export function benchClassOf(db: Db, instructorId: string): string {
  return db.select({ id: classes.id }).from(classes).where(eq(classes.instructorId, instructorId)).get()!.id;
}

/** A student of `classId` who has not submitted (the seeded ones all have), made once. */
export function ensureWorkingStudent(db: Db, classId: string, email: string, passwordHash: string): User {
  if (!db.select().from(users).where(eq(users.email, email)).get()) {
    const id = randomUUID();
    db.insert(users)
      .values({
        id,
        email,
        name: "Autosave Student",
        role: "student",
        passwordHash,
        sessionVersion: 1,
        createdAt: new Date(),
      })
      .run();
    db.insert(enrollments).values({ classId, studentId: id, joinedAt: new Date() }).run();
  }
  return benchUser(db, email);
}

export function currentOpenQuestions(db: Db): { id: string; key: string }[] {
  return db
    .select({ id: questions.id, key: questions.key })
    .from(questions)
    .where(and(eq(questions.type, "open_response"), isNull(questions.retiredAt)))
    .all();
}

/** The sum of a student's answers' revision counters, and how many answers they have. */
export function revisionTotals(db: Db, userId: string): { n: number; rows: number } {
  const row = db
    .select({ n: sql<number>`coalesce(sum(${answers.revision}), 0)`, rows: sql<number>`count(*)` })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(eq(attempts.userId, userId))
    .get();
  return { n: Number(row?.n ?? 0), rows: Number(row?.rows ?? 0) };
}
