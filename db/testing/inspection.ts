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

function readOnly<T>(
  file: string,
  read: (db: ReturnType<typeof drizzle<typeof schema>>, sqlite: Database.Database) => T,
): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(drizzle(sqlite, { schema }), sqlite);
  } finally {
    sqlite.close();
  }
}

/** Every row of every table (but `except`), hashed: equal before and after means nothing was written. */
export function databaseFingerprint(file: string, except: readonly string[] = []): string {
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
export function attemptsOf(file: string, userName: string, lessonSlug: string): { submittedAt: Date | null }[] {
  return readOnly(file, (db) =>
    db
      .select({ submittedAt: attempts.submittedAt })
      .from(attempts)
      .innerJoin(users, eq(users.id, attempts.userId))
      .innerJoin(lessons, eq(lessons.id, attempts.lessonId))
      .where(and(eq(users.name, userName), eq(lessons.slug, lessonSlug)))
      .all(),
  );
}

/** How many students a class has, and how many of them submitted in it. */
export function classSubmissions(file: string, className: string): { students: number; submitted: number } {
  return readOnly(file, (db) => {
    const [cls] = db.select({ id: classes.id }).from(classes).where(eq(classes.name, className)).all();
    if (!cls) return { students: 0, submitted: 0 };
    const students = db.select({ n: count() }).from(enrollments).where(eq(enrollments.classId, cls.id)).get()!.n;
    const submitted = db
      .select({ n: count() })
      .from(attempts)
      .innerJoin(enrollments, and(eq(enrollments.studentId, attempts.userId), eq(enrollments.classId, cls.id)))
      .where(and(eq(attempts.classId, cls.id), isNotNull(attempts.submittedAt)))
      .get()!.n;
    return { students, submitted };
  });
}

/** The demo class's objects the action suites act on (from the demo seeding). */
export function demoClassObjects(file: string): {
  demoClass: string;
  student5: string;
  assignment: string;
  answer: string;
  gradedAnswer: string;
} {
  return readOnly(file, (db) => {
    const demoClass = db.select({ id: classes.id }).from(classes).where(eq(classes.name, "Demo class")).get()?.id ?? "";
    const student2Answers = db
      .select({ id: answers.id, questionKey: questions.key, autoScore: answers.autoScore })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .innerJoin(users, eq(users.id, attempts.userId))
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(
        and(eq(attempts.classId, demoClass), isNotNull(attempts.submittedAt), eq(users.email, "student2@demo.test")),
      )
      .all();
    return {
      demoClass,
      student5: db.select({ id: users.id }).from(users).where(eq(users.email, "student5@demo.test")).get()?.id ?? "",
      assignment:
        db.select({ id: assignments.id }).from(assignments).where(eq(assignments.classId, demoClass)).get()?.id ?? "",
      // student2's submitted answer to the written question a snapshot shares…
      answer: student2Answers.find((a) => a.questionKey === "headline-claim-strength")?.id ?? "",
      // …and an automatically graded one, whose grade an instructor may override (and then return).
      gradedAnswer: student2Answers.find((a) => a.autoScore !== null)?.id ?? "",
    };
  });
}

export function joinCodeOf(file: string, classId: string): string {
  return readOnly(
    file,
    (db) => db.select({ code: classes.joinCode }).from(classes).where(eq(classes.id, classId)).get()?.code ?? "",
  );
}

/** The keys the sign-in throttle counts failures under (`account:…`, `address:…`). */
export function throttleKeys(file: string): string[] {
  return readOnly(file, (db) =>
    db
      .select({ key: signInThrottle.key })
      .from(signInThrottle)
      .all()
      .map((r) => r.key),
  );
}
