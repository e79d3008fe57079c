/**
 * The benchmark's database (never the demo's or a school's): classes of students who have all
 * submitted the lesson, with feedback returned on half of the open answers; or, with
 * `submitted: false`, classes of students who have not started it (for the soak test and the
 * e2e crowd, which submit it themselves). Bulk inserts in one transaction, so a thousand
 * students take seconds.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { inTransaction } from "../transaction";
import {
  answers,
  assignments,
  attempts,
  classes,
  enrollments,
  feedback,
  feedbackHistory,
  lessons,
  passages,
  questions,
  questionVersions,
  users,
} from "../schema";
import { questionSchema } from "@/content/schema";
import { gradeAnswer } from "@/lib/answers/grading";
import type { AnswerResponse } from "@/lib/answers/response-shape";

export type BenchSeed = {
  classes: number;
  studentsPerClass: number;
  lessonSlug: string;
  passwordHash: string;
  /** Whether the students have answered and submitted the lesson (default true). */
  submitted?: boolean;
  /** Names the accounts and classes (`<prefix>-student1@<prefix>.test`, "<Prefix> class 1"), so a second seeding does not collide. Default "bench". */
  prefix?: string;
};

export type SeededClass = { id: string; name: string; instructorEmail: string; studentEmails: string[] };

function chunks<T>(rows: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function seedBenchmark(
  db: Db,
  seed: BenchSeed,
  now = new Date(),
): Promise<{ instructorEmail: string; classId: string; classes: SeededClass[] }> {
  const prefix = seed.prefix ?? "bench";
  if (!/^[a-z]{1,20}$/.test(prefix))
    throw new Error(`The seed prefix must be lowercase letters, not ${JSON.stringify(prefix)}`);
  const title = prefix[0]!.toUpperCase() + prefix.slice(1);
  return inTransaction(db, async (tx) => {
    const lesson = (await tx.select().from(lessons).where(eq(lessons.slug, seed.lessonSlug)).limit(1))[0];
    if (!lesson) throw new Error(`Lesson ${seed.lessonSlug} is not imported`);
    const qs = (
      await tx
        .select({
          id: questions.id,
          version: questions.version,
          passageId: questions.passageId,
          content: questionVersions.content,
        })
        .from(questions)
        .innerJoin(
          questionVersions,
          and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
        )
        .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)))
    ).map((q) => ({ ...q, content: questionSchema.parse(q.content) }));
    const sentencesOf = new Map(
      (await tx.select().from(passages).where(eq(passages.lessonId, lesson.id))).map((p) => [
        p.id,
        p.body.flatMap((g) => g.sentences.map((s) => s.id)),
      ]),
    );

    const seeded: SeededClass[] = [];
    let n = 0;
    for (let c = 1; c <= seed.classes; c++) {
      const instructorId = randomUUID();
      const instructorEmail = `${prefix}-instructor${c}@${prefix}.test`;
      await tx.insert(users).values({
        id: instructorId,
        email: instructorEmail,
        name: `Instructor ${c}`,
        role: "instructor",
        passwordHash: seed.passwordHash,
        sessionVersion: 1,
        createdAt: now,
      });
      const classId = randomUUID();
      const name = `${title} class ${c}`;
      const joinCode = `${prefix.toUpperCase().slice(0, 5).padEnd(5, "X")}${String(c).padStart(5, "0")}`;
      await tx.insert(classes).values({
        id: classId,
        name,
        instructorId,
        joinCode,
        joinCodeExpiresAt: new Date(now.getTime() + 864e5),
        createdAt: now,
      });
      await tx.insert(assignments).values({
        id: randomUUID(),
        classId,
        lessonId: lesson.id,
        dueAt: null,
        showAnswersAfterSubmit: true,
        createdAt: now,
      });

      const students = Array.from({ length: seed.studentsPerClass }, () => {
        n++;
        return {
          id: randomUUID(),
          email: `${prefix}-student${n}@${prefix}.test`,
          name: `Student ${String(n).padStart(4, "0")}`,
          role: "student" as const,
          passwordHash: seed.passwordHash,
          sessionVersion: 1,
          createdAt: now,
        };
      });
      for (const part of chunks(students)) await tx.insert(users).values(part);
      for (const part of chunks(students.map((s) => ({ classId, studentId: s.id, joinedAt: now }))))
        await tx.insert(enrollments).values(part);
      seeded.push({ id: classId, name, instructorEmail, studentEmails: students.map((s) => s.email) });
      if (seed.submitted === false) continue;

      const attemptRows = students.map((s) => ({
        id: randomUUID(),
        userId: s.id,
        lessonId: lesson.id,
        classId,
        contextKey: classId,
        startedAt: now,
        lastActiveAt: now,
        activeSeconds: 900,
        submittedAt: now,
      }));
      for (const part of chunks(attemptRows)) await tx.insert(attempts).values(part);

      const answerRows: (typeof answers.$inferInsert)[] = [];
      const feedbackRows: (typeof feedback.$inferInsert)[] = [];
      attemptRows.forEach((attempt, si) => {
        qs.forEach((q, qi) => {
          const right = (si * 7 + qi * 3) % 5 < 3;
          const sentences = sentencesOf.get(q.passageId) ?? [];
          const c = q.content;
          const response: AnswerResponse =
            c.type === "single_choice"
              ? { type: c.type, optionId: (c.options.find((o) => o.correct === right) ?? c.options[0]!).id }
              : c.type === "multiple_select"
                ? { type: c.type, optionIds: c.options.filter((o) => o.correct === right).map((o) => o.id) }
                : c.type === "short_answer"
                  ? { type: c.type, text: right ? c.acceptedAnswers[0]! : "unsure" }
                  : c.type === "evidence"
                    ? { type: c.type, sentenceIds: right ? c.keySentences : sentences.slice(0, 1) }
                    : {
                        type: c.type,
                        text: `Answer ${si + 1} to question ${qi + 1}: the article hedges its claim and relies on two researchers.`,
                      };
          const answerId = randomUUID();
          answerRows.push({
            id: answerId,
            attemptId: attempt.id,
            questionId: q.id,
            questionVersion: q.version,
            response,
            citedSentences: c.type === "open_response" ? sentences.slice(0, 1) : [],
            revision: 1,
            updatedAt: now,
            autoScore: gradeAnswer(c, response),
            maxPoints: c.points,
          });
          if (c.type === "open_response" && si % 2 === 0) {
            const levels = Object.fromEntries(c.rubric.map((r) => [r.id, r.levels[1]!.points]));
            feedbackRows.push({
              id: randomUUID(),
              answerId,
              instructorId,
              rubricLevels: levels,
              points: Object.values(levels).reduce((a, b) => a + b, 0),
              overrideReason: null,
              comment: "Good start; quote the sentence you rely on.",
              updatedAt: now,
              returnedAt: now,
              unreadByStudent: true,
            });
          }
        });
      });
      for (const part of chunks(answerRows)) await tx.insert(answers).values(part);
      for (const part of chunks(feedbackRows)) await tx.insert(feedback).values(part);
      for (const part of chunks(
        feedbackRows.map((f) => ({
          id: randomUUID(),
          feedbackId: f.id!,
          snapshot: {
            rubricLevels: f.rubricLevels,
            points: f.points ?? null,
            overrideReason: null,
            comment: f.comment,
          },
          returnedAt: now,
        })),
      )) {
        await tx.insert(feedbackHistory).values(part);
      }
    }
    return { instructorEmail: seeded[0]!.instructorEmail, classId: seeded[0]!.id, classes: seeded };
  });
}
