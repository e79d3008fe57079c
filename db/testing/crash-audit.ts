/**
 * What the soak test (`npm run soak`) reads back after killing the server: every attempt at a
 * lesson with its answers, as stored, and SQLite's own integrity check. Test tooling on a
 * database it made; it takes the database, not an actor, like the benchmark's seeding.
 */
import { and, eq, isNull } from "drizzle-orm";
import { engineOf, type Db } from "../client";
import { answers, attempts, lessons, questions, questionVersions, users } from "../schema";
import { questionSchema } from "@/content/schema";
import { gradeAnswer } from "@/lib/answers/grading";
import type { AnswerResponse } from "@/lib/answers/response-shape";

export type AuditedAnswer = {
  questionKey: string;
  revision: number;
  response: AnswerResponse;
  /** Whether the version answered is graded automatically (every type but open responses). */
  autoGraded: boolean;
  autoScore: number | null;
  /** What grading the stored response gives now (null for open responses), to compare with autoScore. */
  scoreOfResponse: number | null;
  updatedAt: Date;
};

export type AuditedAttempt = {
  attemptId: string;
  email: string;
  contextKey: string;
  submittedAt: Date | null;
  answers: AuditedAnswer[];
};

/**
 * Every attempt at the lesson, each with its answers. On PostgreSQL in one snapshot, so that it
 * may be read while the app writes (the PostgreSQL soak checks between faults, mid-traffic).
 */
export async function readAttemptsForAudit(db: Db, lessonSlug: string): Promise<AuditedAttempt[]> {
  if (engineOf(db) === "sqlite") return readAttempts(db, lessonSlug);
  const pool = db as unknown as {
    transaction<R>(
      run: (tx: Db) => Promise<R>,
      config: { isolationLevel: "repeatable read"; accessMode: "read only" },
    ): Promise<R>;
  };
  return pool.transaction((tx) => readAttempts(tx, lessonSlug), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function readAttempts(db: Db, lessonSlug: string): Promise<AuditedAttempt[]> {
  const lesson = (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, lessonSlug)).limit(1))[0];
  if (!lesson) throw new Error(`Lesson ${lessonSlug} is not imported`);
  const rows = await db
    .select({
      attemptId: attempts.id,
      email: users.email,
      contextKey: attempts.contextKey,
      submittedAt: attempts.submittedAt,
    })
    .from(attempts)
    .innerJoin(users, eq(users.id, attempts.userId))
    .where(eq(attempts.lessonId, lesson.id));
  const byAttempt = new Map<string, AuditedAttempt>(rows.map((r) => [r.attemptId, { ...r, answers: [] }]));
  const answerRows = await db
    .select({
      attemptId: answers.attemptId,
      questionKey: questions.key,
      revision: answers.revision,
      response: answers.response,
      content: questionVersions.content,
      autoScore: answers.autoScore,
      updatedAt: answers.updatedAt,
    })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    // The type of the version answered, which is what submission graded against.
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
    )
    .where(eq(attempts.lessonId, lesson.id));
  for (const a of answerRows) {
    const content = questionSchema.parse(a.content);
    byAttempt.get(a.attemptId)!.answers.push({
      questionKey: a.questionKey,
      revision: a.revision,
      response: a.response,
      autoGraded: content.type !== "open_response",
      autoScore: a.autoScore,
      scoreOfResponse: gradeAnswer(content, a.response),
      updatedAt: a.updatedAt,
    });
  }
  return [...byAttempt.values()];
}

/**
 * SQLite's `PRAGMA integrity_check`: [] when the file is sound. PostgreSQL keeps its own files
 * consistent through a crash (its write-ahead log), so there it checks what the data says: no
 * answer without its attempt.
 */
export async function integrityProblems(db: Db): Promise<string[]> {
  if (engineOf(db) === "postgres") {
    const orphans = await db
      .select({ id: answers.id })
      .from(answers)
      .leftJoin(attempts, eq(attempts.id, answers.attemptId))
      .where(isNull(attempts.id));
    return orphans.map((o) => `answer ${o.id} has no attempt`);
  }
  const rows = db.$client.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
}
