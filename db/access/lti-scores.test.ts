import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { createLocalJWKSet, jwtVerify } from "jose";
import { freshAppDatabase } from "@/db/testing/test-database";
import type { StandInPerson } from "@/db/testing/lti-stand-in";
import { launchThrough, registeredStandIn } from "@/db/testing/lti-launches";
import { importLessonFolders } from "@/content/import";
import { answers, ltiScorePosts, questions, questionVersions } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { LTI_CLAIM } from "@/lib/lti/launch";
import { AGS_SCORE_SCOPE, retryDelayMs } from "@/lib/lti/scores";
import { insertPerson } from "@/db/testing/people";
import { saveDraft, submitLesson } from "./answers";
import { returnFeedback, saveFeedbackDraft } from "./feedback";
import { publishedKeySet } from "./lti-registrations";
import { scoreSyncStatus, sendDueScores, sendQueuedScoresAtOnce } from "./lti-scores";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [path.join("content", "lessons", "tajikistan-islamic-state")])).ok);
const slug = "tajikistan-islamic-state";
// Sent explicitly below, with a stand-in LMS's endpoints, at chosen times.
sendQueuedScoresAtOnce(false);
const lms = await registeredStandIn();
const lineItem = `${lms.issuer}/api/lti/courses/7/line_items/31?x=1`;

const launch = (person: StandInPerson) =>
  launchThrough(lms, person, {
    lessonSlug: slug,
    overrides: { [LTI_CLAIM.gradeService]: { scope: [AGS_SCORE_SCOPE], lineitem: lineItem } },
  });

/** A stand-in LMS's token and score endpoints, recording what arrives; `fail` answers the next score posts 503. */
function lmsEndpoints() {
  const scores: { url: string; body: Record<string, unknown>; auth: string | null }[] = [];
  let fail = 0;
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url === `${lms.issuer}/token`) {
      const form = new URLSearchParams(String(init?.body));
      assert.equal(form.get("grant_type"), "client_credentials");
      assert.equal(form.get("client_assertion_type"), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      assert.equal(form.get("scope"), AGS_SCORE_SCOPE);
      // The assertion is signed by the tool's published key, for this token endpoint.
      const { payload } = await jwtVerify(form.get("client_assertion")!, createLocalJWKSet(await publishedKeySet()), {
        issuer: lms.clientId,
        subject: lms.clientId,
        audience: `${lms.issuer}/token`,
      });
      assert.ok(payload.jti);
      return Response.json({ access_token: "token-1", token_type: "Bearer", expires_in: 3600 });
    }
    if (fail > 0) {
      fail--;
      return new Response("busy", { status: 503 });
    }
    scores.push({
      url,
      body: JSON.parse(String(init?.body)),
      auth: new Headers(init?.headers).get("authorization"),
    });
    return new Response(null, { status: 200 });
  }) as typeof fetch;
  return { scores, fetchImpl, failNext: (n: number) => (fail = n) };
}

test("a submitted lesson's score reaches the line item once; returned feedback sends the new score; failures retry", async () => {
  const teacher = await launch({ sub: "t-1", name: "Ada Obi", role: "Instructor" });
  const student = await launch({ sub: "s-1", name: "Sam Lee", role: "Learner" });
  const endpoints = lmsEndpoints();
  const classId = student.classId;

  await saveDraft(student.actor, {
    lessonSlug: slug,
    questionKey: "opening-claim-whose",
    contextKey: classId,
    response: { type: "single_choice", optionId: "unnamed-experts" },
  });
  await saveDraft(student.actor, {
    lessonSlug: slug,
    questionKey: "swerdlow-stake",
    contextKey: classId,
    response: { type: "open_response", text: "He works for Human Rights Watch, which documents abuses." },
  });
  await submitLesson(student.actor, slug, classId);
  // Queued on submission (the post itself starts in the background; here it is sent explicitly).
  const posts = await db.select().from(ltiScorePosts);
  assert.equal(posts.length, 1);

  endpoints.failNext(1);
  const now = new Date();
  assert.deepEqual(await sendDueScores({ now, fetchImpl: endpoints.fetchImpl }), { sent: 0, failed: 1 });
  const status = await scoreSyncStatus(teacher.actor, classId);
  assert.equal(status.failing.length, 1);
  assert.match(status.failing[0]!.lastError, /HTTP 503/);
  assert.equal(status.failing[0]!.nextAttemptAt.getTime(), now.getTime() + retryDelayMs(1));
  // Not again before its retry time; then it goes.
  assert.deepEqual(await sendDueScores({ now, fetchImpl: endpoints.fetchImpl }), { sent: 0, failed: 0 });
  const later = new Date(now.getTime() + retryDelayMs(1));
  assert.deepEqual(await sendDueScores({ now: later, fetchImpl: endpoints.fetchImpl }), { sent: 1, failed: 0 });

  assert.equal(endpoints.scores.length, 1);
  const [first] = endpoints.scores;
  assert.equal(first!.url, `${lms.issuer}/api/lti/courses/7/line_items/31/scores?x=1`);
  assert.equal(first!.auth, "Bearer token-1");
  assert.equal(first!.body.userId, "s-1");
  assert.equal(first!.body.scoreGiven, 1);
  assert.equal(first!.body.gradingProgress, "Pending", "an open response awaits review: pending, not zero");
  assert.equal(first!.body.activityProgress, "Submitted");
  assert.ok((first!.body.scoreMaximum as number) > 100);
  assert.match(first!.body.comment as string, /1 awaiting review/);
  assert.deepEqual(await scoreSyncStatus(teacher.actor, classId), { linked: true, sent: 1, waiting: 0, failing: [] });

  // Nothing changed: nothing is posted again.
  assert.deepEqual(await sendDueScores({ now: later, fetchImpl: endpoints.fetchImpl }), { sent: 0, failed: 0 });

  // The instructor returns the open response with points: the new score goes, fully graded.
  const open = (
    await db
      .select({ answerId: answers.id, content: questionVersions.content })
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .innerJoin(
        questionVersions,
        and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, answers.questionVersion)),
      )
      .where(eq(questions.key, "swerdlow-stake"))
  )[0]!;
  const rubric = (open.content as { rubric: { id: string; levels: { points: number }[] }[] }).rubric;
  await saveFeedbackDraft(teacher.actor, {
    classId,
    answerId: open.answerId,
    rubricLevels: Object.fromEntries(rubric.map((c) => [c.id, c.levels.at(-1)!.points])),
    comment: "Good: you named the organisation.",
  });
  await returnFeedback(teacher.actor, { classId, answerIds: [open.answerId] });
  assert.deepEqual(await sendDueScores({ now: later, fetchImpl: endpoints.fetchImpl }), { sent: 1, failed: 0 });
  const second = endpoints.scores[1]!.body;
  assert.equal(second.gradingProgress, "FullyGraded");
  assert.equal(second.activityProgress, "Completed");
  assert.ok((second.scoreGiven as number) > 1);
  assert.equal(second.scoreMaximum, first!.body.scoreMaximum);
});

test("only the class's instructor sees how its scores are doing", async () => {
  const student = await launch({ sub: "s-1", name: "Sam Lee", role: "Learner" });
  await assert.rejects(scoreSyncStatus(student.actor, student.classId), ForbiddenError);
  // Another instructor is told there is no such class: whether it exists is not theirs to know.
  const stranger = await insertPerson(db, "instructor");
  await assert.rejects(scoreSyncStatus(stranger, student.classId), NotFoundError);
});
