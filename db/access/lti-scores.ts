/**
 * Grade passback to the LMS (LTI Assignment and Grade Services): when a student of a class opened
 * from an LMS link submits, or gets feedback back, their score for the lesson is queued here, as the
 * gradebook counts it, and posted to the link's line item with a service token (OAuth client
 * credentials, signed JWT assertion). A failed post is retried with back-off and shown to the
 * instructor; a score the LMS already has is never posted again. Every app server sends: a row is
 * claimed for a minute before its post, so two servers never send it at once.
 *
 * Queueing and sending are the system's, after a student's or instructor's write was authorized
 * and committed, so they take no actor; what the instructor reads (scoreSyncStatus) checks one.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, lt, lte, ne, or } from "drizzle-orm";
import { getDb } from "../client";
import { changedRows } from "../dialect";
import { inTransaction, type Tx } from "../transaction";
import { answers, attempts, lessons, ltiAccounts, ltiGradeLinks, ltiPlatforms, ltiScorePosts, users } from "../schema";
import { classGradebook } from "./gradebook";
import { taughtClass } from "./classes";
import { serviceToken } from "./internal/lti-service-token";
import type { Actor } from "@/lib/actor";
import { AGS_SCORE_SCOPE, lmsScore, retryDelayMs, scoresUrl } from "@/lib/lti/scores";

const CLAIM_MS = 60_000;

let sendAtOnce = true;
/** Whether a queued score starts its trip at once (the default) or waits for an explicit sendDueScores (tests). */
export function sendQueuedScoresAtOnce(on: boolean): void {
  sendAtOnce = on;
}
const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Remembers where a link's scores go (called inside the launch's transaction). */
export async function recordGradeLink(
  tx: Tx,
  link: { classId: string; lessonId: string; platformId: string; lineItemUrl: string },
  now: Date,
): Promise<void> {
  await tx
    .insert(ltiGradeLinks)
    .values({ ...link, createdAt: now })
    .onConflictDoUpdate({
      target: [ltiGradeLinks.classId, ltiGradeLinks.lessonId],
      set: { platformId: link.platformId, lineItemUrl: link.lineItemUrl },
    });
}

/**
 * Queues the current scores of these students' lessons in the class, where the lesson has an LMS
 * line item and the student an LMS account, then starts sending. Never throws: the write that
 * changed the score has committed, and a failed queueing is logged, not the student's problem.
 */
export async function scoresChanged(
  classId: string,
  changes: readonly { lessonId: string; studentId: string }[],
  now = new Date(),
): Promise<void> {
  try {
    if (changes.length === 0) return;
    const db = getDb();
    const links = await db
      .select({ lessonId: ltiGradeLinks.lessonId, slug: lessons.slug })
      .from(ltiGradeLinks)
      .innerJoin(lessons, eq(lessons.id, ltiGradeLinks.lessonId))
      .where(
        and(
          eq(ltiGradeLinks.classId, classId),
          inArray(ltiGradeLinks.lessonId, [...new Set(changes.map((c) => c.lessonId))]),
        ),
      );
    if (links.length === 0) return;
    const lmsIds = new Map(
      (
        await db
          .select({ userId: ltiAccounts.userId, subject: ltiAccounts.subject })
          .from(ltiAccounts)
          .where(inArray(ltiAccounts.userId, [...new Set(changes.map((c) => c.studentId))]))
      ).map((a) => [a.userId, a.subject]),
    );
    let queued = 0;
    for (const link of links) {
      const rows = (await classGradebook(classId, link.slug)).rows;
      for (const change of changes.filter((c) => c.lessonId === link.lessonId)) {
        const totals = rows.find((r) => r.student.id === change.studentId)?.totals;
        const userId = lmsIds.get(change.studentId);
        if (!totals || !userId) continue; // not submitted, or not an LMS student: nothing to send
        const score = { userId, ...lmsScore(totals) };
        const scoreHash = hash(score);
        await inTransaction(db, (tx) =>
          tx
            .insert(ltiScorePosts)
            .values({
              classId,
              lessonId: link.lessonId,
              studentId: change.studentId,
              score,
              scoreHash,
              nextAttemptAt: now,
            })
            .onConflictDoUpdate({
              target: [ltiScorePosts.classId, ltiScorePosts.lessonId, ltiScorePosts.studentId],
              set: { score, scoreHash, nextAttemptAt: now },
            }),
        );
        queued++;
      }
    }
    if (queued > 0 && sendAtOnce)
      void sendDueScores().catch((err) => console.error("Sending scores to the LMS failed", err));
  } catch (err) {
    console.error("Queueing scores for the LMS failed", err);
  }
}

/** scoresChanged for the students whose answers these are (feedback returned or taken back). */
export async function scoresChangedForAnswers(classId: string, answerIds: readonly string[]): Promise<void> {
  if (answerIds.length === 0) return;
  const pairs = await getDb()
    .selectDistinct({ lessonId: attempts.lessonId, studentId: attempts.userId })
    .from(answers)
    .innerJoin(attempts, and(eq(attempts.id, answers.attemptId), eq(attempts.classId, classId)))
    .where(inArray(answers.id, [...answerIds]));
  await scoresChanged(classId, pairs);
}

/**
 * Posts every score that is due (new, changed, or its retry time come), at most `limit` per call.
 * Returns how many were sent and how many failed.
 */
export async function sendDueScores({
  now = new Date(),
  fetchImpl = fetch,
  limit = 50,
}: {
  now?: Date;
  fetchImpl?: typeof fetch;
  limit?: number;
} = {}): Promise<{ sent: number; failed: number }> {
  const db = getDb();
  const unsent = or(isNull(ltiScorePosts.sentHash), ne(ltiScorePosts.sentHash, ltiScorePosts.scoreHash));
  const free = or(isNull(ltiScorePosts.claimedUntil), lt(ltiScorePosts.claimedUntil, now));
  const due = await db
    .select()
    .from(ltiScorePosts)
    .where(and(unsent, free, lte(ltiScorePosts.nextAttemptAt, now)))
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const key = and(
      eq(ltiScorePosts.classId, row.classId),
      eq(ltiScorePosts.lessonId, row.lessonId),
      eq(ltiScorePosts.studentId, row.studentId),
    );
    // Claimed by this server only if nobody sent or claimed it since it was read.
    const claimed = await inTransaction(db, (tx) =>
      tx
        .update(ltiScorePosts)
        .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
        .where(and(key, free, eq(ltiScorePosts.scoreHash, row.scoreHash), unsent)),
    );
    if (changedRows(claimed) !== 1) continue;
    try {
      const link = (
        await db
          .select({ lineItemUrl: ltiGradeLinks.lineItemUrl, platform: ltiPlatforms })
          .from(ltiGradeLinks)
          .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiGradeLinks.platformId))
          .where(and(eq(ltiGradeLinks.classId, row.classId), eq(ltiGradeLinks.lessonId, row.lessonId)))
          .limit(1)
      )[0];
      if (!link) throw new Error("The LMS that linked this lesson is no longer registered.");
      const token = await serviceToken(link.platform, AGS_SCORE_SCOPE, fetchImpl, now);
      const res = await fetchImpl(scoresUrl(link.lineItemUrl), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/vnd.ims.lis.v1.score+json" },
        body: JSON.stringify({ ...row.score, timestamp: now.toISOString() }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`The LMS refused the score: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
      await inTransaction(db, (tx) =>
        tx
          .update(ltiScorePosts)
          .set({ sentHash: row.scoreHash, sentAt: now, failures: 0, lastError: null, claimedUntil: null })
          .where(key),
      );
      sent++;
    } catch (err) {
      const failures = row.failures + 1;
      await inTransaction(db, (tx) =>
        tx
          .update(ltiScorePosts)
          .set({
            failures,
            lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures)),
            claimedUntil: null,
          })
          .where(key),
      );
      failed++;
    }
  }
  return { sent, failed };
}

export type ScoreSyncStatus = {
  /** Whether any lesson of the class sends scores to an LMS. */
  linked: boolean;
  sent: number;
  waiting: number;
  failing: { studentName: string; lessonTitle: string; failures: number; lastError: string; nextAttemptAt: Date }[];
};

/** For the class's instructor: how the scores' trip to the LMS is going. */
export async function scoreSyncStatus(actor: Actor | null, classId: string): Promise<ScoreSyncStatus> {
  await taughtClass(actor, classId);
  const db = getDb();
  const linked = (await db.select().from(ltiGradeLinks).where(eq(ltiGradeLinks.classId, classId)).limit(1)).length > 0;
  if (!linked) return { linked, sent: 0, waiting: 0, failing: [] };
  const rows = await db
    .select({
      sentHash: ltiScorePosts.sentHash,
      scoreHash: ltiScorePosts.scoreHash,
      failures: ltiScorePosts.failures,
      lastError: ltiScorePosts.lastError,
      nextAttemptAt: ltiScorePosts.nextAttemptAt,
      studentName: users.name,
      lessonTitle: lessons.title,
    })
    .from(ltiScorePosts)
    .innerJoin(users, eq(users.id, ltiScorePosts.studentId))
    .innerJoin(lessons, eq(lessons.id, ltiScorePosts.lessonId))
    .where(eq(ltiScorePosts.classId, classId))
    .orderBy(users.name);
  const unsent = rows.filter((r) => r.sentHash !== r.scoreHash);
  return {
    linked,
    sent: rows.length - unsent.length,
    waiting: unsent.filter((r) => r.failures === 0).length,
    failing: unsent
      .filter((r) => r.failures > 0)
      .map((r) => ({
        studentName: r.studentName,
        lessonTitle: r.lessonTitle,
        failures: r.failures,
        lastError: r.lastError ?? "",
        nextAttemptAt: r.nextAttemptAt,
      })),
  };
}
