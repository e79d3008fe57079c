/**
 * What a test's database recorded, read beside what the pages and replies said: the end-to-end
 * suites' only way into the database. Test tooling on a database a test made; it takes the file
 * (opened read-only, so it never competes with the server's writes), not an actor.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../schema";
import {
  answers,
  assignments,
  attempts,
  classes,
  enrollments,
  lessons,
  questions,
  signInThrottle,
  users,
} from "../schema";

async function readOnly<T>(
  file: string,
  read: (db: ReturnType<typeof drizzle<typeof schema>>, sqlite: Database.Database) => Promise<T> | T,
): Promise<T> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await read(drizzle(sqlite, { schema }), sqlite);
  } finally {
    sqlite.close();
  }
}

/** Every row of every table (but `except`), hashed: equal before and after means nothing was written. */
export async function databaseFingerprint(file: string, except: readonly string[] = []): Promise<string> {
  return readOnly(file, (_, sqlite) => {
    const hash = createHash("sha256");
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    for (const { name } of tables.filter((t) => !except.includes(t.name))) {
      hash.update(name).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()));
    }
    return hash.digest("hex");
  });
}

/** A person's attempts at a lesson, by their display name. */
export async function attemptsOf(
  file: string,
  userName: string,
  lessonSlug: string,
): Promise<{ submittedAt: Date | null }[]> {
  return readOnly(
    file,
    async (db) =>
      await db
        .select({ submittedAt: attempts.submittedAt })
        .from(attempts)
        .innerJoin(users, eq(users.id, attempts.userId))
        .innerJoin(lessons, eq(lessons.id, attempts.lessonId))
        .where(and(eq(users.name, userName), eq(lessons.slug, lessonSlug))),
  );
}

/** How many students a class has, and how many of them submitted in it. */
export async function classSubmissions(
  file: string,
  className: string,
): Promise<{ students: number; submitted: number }> {
  return readOnly(file, async (db) => {
    const [cls] = await db.select({ id: classes.id }).from(classes).where(eq(classes.name, className));
    if (!cls) return { students: 0, submitted: 0 };
    const students = (
      await db.select({ n: count() }).from(enrollments).where(eq(enrollments.classId, cls.id)).limit(1)
    )[0]!.n;
    const submitted = (
      await db
        .select({ n: count() })
        .from(attempts)
        .innerJoin(enrollments, and(eq(enrollments.studentId, attempts.userId), eq(enrollments.classId, cls.id)))
        .where(and(eq(attempts.classId, cls.id), isNotNull(attempts.submittedAt)))
        .limit(1)
    )[0]!.n;
    return { students, submitted };
  });
}

/** The demo class's objects the action suites act on (from the demo seeding). */
export async function demoClassObjects(file: string): Promise<{
  demoClass: string;
  student5: string;
  assignment: string;
  answer: string;
  gradedAnswer: string;
}> {
  return readOnly(file, async (db) => {
    const demoClass =
      (await db.select({ id: classes.id }).from(classes).where(eq(classes.name, "Demo class")).limit(1))[0]?.id ?? "";
    const student2Answers = await db
      .select({ id: answers.id, questionKey: questions.key, autoScore: answers.autoScore })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .innerJoin(users, eq(users.id, attempts.userId))
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(
        and(eq(attempts.classId, demoClass), isNotNull(attempts.submittedAt), eq(users.email, "student2@demo.test")),
      );
    return {
      demoClass,
      student5:
        (await db.select({ id: users.id }).from(users).where(eq(users.email, "student5@demo.test")).limit(1))[0]?.id ??
        "",
      assignment:
        (
          await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.classId, demoClass)).limit(1)
        )[0]?.id ?? "",
      // student2's submitted answer to the written question a snapshot shares…
      answer: student2Answers.find((a) => a.questionKey === "headline-claim-strength")?.id ?? "",
      // …and an automatically graded one, whose grade an instructor may override (and then return).
      gradedAnswer: student2Answers.find((a) => a.autoScore !== null)?.id ?? "",
    };
  });
}

export async function joinCodeOf(file: string, classId: string): Promise<string> {
  return readOnly(
    file,
    async (db) =>
      (await db.select({ code: classes.joinCode }).from(classes).where(eq(classes.id, classId)).limit(1))[0]?.code ??
      "",
  );
}

/** The keys the sign-in throttle counts failures under (`account:…`, `address:…`). */
export async function throttleKeys(file: string): Promise<string[]> {
  return readOnly(file, async (db) =>
    (await db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key),
  );
}
