/**
 * What a test's database recorded, read beside what the pages and replies said: the end-to-end
 * suites' only way into the database. Test tooling on a database a test made; it takes where the
 * database is — a SQLite file (opened read-only, so it never competes with the server's writes)
 * or a postgres:// address — not an actor.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import pg from "pg";
import { closeDatabase, openPostgres, type Db } from "../client";
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

const isPostgres = (where: string) => /^postgres(ql)?:\/\//.test(where);

/** The database the e2e suite's server uses: DATABASE_URL when it runs on PostgreSQL, else its file. */
export function e2eDatabase(): string {
  return process.env.DATABASE_URL ?? process.env.DATABASE_PATH ?? "e2e/.data/e2e.db";
}

async function readOnly<T>(where: string, read: (db: Db) => Promise<T> | T): Promise<T> {
  if (isPostgres(where)) {
    const db = openPostgres(where, 1);
    try {
      return await read(db);
    } finally {
      await closeDatabase(db);
    }
  }
  const sqlite = new Database(where, { readonly: true, fileMustExist: true });
  try {
    return await read(drizzle(sqlite, { schema }) as Db);
  } finally {
    sqlite.close();
  }
}

/** Every table's rows, each table's in a fixed order whatever order the engine returns them in. */
async function everyRow(where: string): Promise<Map<string, string[]>> {
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  if (isPostgres(where)) {
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
      );
      const rows = new Map<string, string[]>();
      for (const { name } of tables.rows)
        rows.set(name, sorted((await client.query({ text: `select * from "${name}"`, rowMode: "array" })).rows));
      return rows;
    } finally {
      await client.end();
    }
  }
  const sqlite = new Database(where, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return new Map(tables.map(({ name }) => [name, sorted(sqlite.prepare(`SELECT * FROM "${name}"`).raw().all())]));
  } finally {
    sqlite.close();
  }
}

/** Every row of every table (but `except`), hashed: equal before and after means nothing was written. */
export async function databaseFingerprint(where: string, except: readonly string[] = []): Promise<string> {
  const hash = createHash("sha256");
  for (const [name, rows] of await everyRow(where))
    if (!except.includes(name)) hash.update(name).update(rows.join("\n"));
  return hash.digest("hex");
}

/** A person's attempts at a lesson, by their display name. */
export async function attemptsOf(
  where: string,
  userName: string,
  lessonSlug: string,
): Promise<{ submittedAt: Date | null }[]> {
  return readOnly(
    where,
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
  where: string,
  className: string,
): Promise<{ students: number; submitted: number }> {
  return readOnly(where, async (db) => {
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
export async function demoClassObjects(where: string): Promise<{
  demoClass: string;
  student5: string;
  assignment: string;
  answer: string;
  gradedAnswer: string;
}> {
  return readOnly(where, async (db) => {
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

export async function joinCodeOf(where: string, classId: string): Promise<string> {
  return readOnly(
    where,
    async (db) =>
      (await db.select({ code: classes.joinCode }).from(classes).where(eq(classes.id, classId)).limit(1))[0]?.code ??
      "",
  );
}

/** The keys the sign-in throttle counts failures under (`account:…`, `address:…`). */
export async function throttleKeys(where: string): Promise<string[]> {
  return readOnly(where, async (db) =>
    (await db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key),
  );
}
