import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { count, eq } from "drizzle-orm";
import { createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT, UnsecuredJWT } from "jose";
import { freshAppDatabase } from "@/db/testing/test-database";
import type { StandInPerson } from "@/db/testing/lti-stand-in";
import { keySetOf, launchThrough, loginThrough, registeredStandIn, TEST_TOOL } from "@/db/testing/lti-launches";
import { importLessonFolders } from "@/content/import";
import { assignments, classes, enrollments, ltiAccounts, ltiContexts, users } from "@/db/schema";
import { LaunchRefusal, LTI_CLAIM, TICKET_TTL_MS, LAUNCH_STATE_TTL_MS } from "@/lib/lti/launch";
import { shownEmail } from "@/lib/lti/placeholder-email";
import {
  beginLogin,
  completeDeepLink,
  completeLaunch,
  deepLinkChoices,
  deepLinkClassName,
  issueTicket,
  redeemTicket,
} from "./lti-launch";
import { publishedKeySet } from "./lti-registrations";
import { authenticate, createAccount } from "./users";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [path.join("content", "lessons", "tajikistan-islamic-state")])).ok);

const tool = TEST_TOOL;
const lms = await registeredStandIn();
const keySetFor = keySetOf(lms);

const teacher: StandInPerson = { sub: "t-1", name: "Ada Obi", email: "ada@school.example", role: "Instructor" };
const student: StandInPerson = { sub: "s-1", name: "Sam Lee", email: "sam@school.example", role: "Learner" };

const login = (now = new Date()) => loginThrough(lms, now);
const launch = (
  person: StandInPerson,
  options: { lessonSlug?: string; overrides?: Record<string, unknown>; expiresInS?: number; nonce?: string } = {},
) => launchThrough(lms, person, options);

async function counts() {
  const n = async (
    table:
      | typeof users
      | typeof classes
      | typeof enrollments
      | typeof assignments
      | typeof ltiAccounts
      | typeof ltiContexts,
  ) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    classes: await n(classes),
    enrollments: await n(enrollments),
    assignments: await n(assignments),
    ltiAccounts: await n(ltiAccounts),
    ltiContexts: await n(ltiContexts),
  };
}

/** The launch is refused with `code`, and nothing but its state was written. */
async function refused(code: string, attempt: () => Promise<unknown>) {
  const before = await counts();
  await assert.rejects(attempt, (err: unknown) => {
    assert.ok(err instanceof LaunchRefusal, `a refusal, not ${String(err)}`);
    assert.equal(err.code, code);
    assert.ok(err.message.length > 20, "with a message a person can read");
    return true;
  });
  assert.deepEqual(await counts(), before, `nothing written for ${code}`);
}

test("login initiation sends the person to the platform with a fresh state and nonce, for registered issuers only", async () => {
  const { url, state, nonce } = await login();
  assert.equal(url.origin + url.pathname, `${lms.issuer}/auth`);
  for (const [name, value] of Object.entries({
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: lms.clientId,
    redirect_uri: `${tool}/api/lti/launch`,
    login_hint: "hint",
  }))
    assert.equal(url.searchParams.get(name), value, name);
  assert.ok(state.length >= 32 && nonce.length >= 32 && state !== nonce);
  assert.notEqual((await login()).state, state, "a new state each time");

  const start = { login_hint: "h", target_link_uri: `${tool}/api/lti/launch` };
  await refused("unknown-issuer", () => beginLogin({ ...start, iss: "https://other.example" }, tool));
  await refused("unknown-issuer", () => beginLogin({ ...start, iss: lms.issuer, client_id: "someone-else" }, tool));
  await refused("unknown-deployment", () => beginLogin({ ...start, iss: lms.issuer, lti_deployment_id: "9" }, tool));
  await refused("malformed-request", () =>
    beginLogin({ ...start, iss: lms.issuer, target_link_uri: "https://evil.example/api/lti/launch" }, tool),
  );
});

test("an instructor's first launch makes their account and the course's class; later launches find both", async () => {
  const first = await launch(teacher);
  assert.equal(first.role, "instructor");
  assert.equal(first.destination, `/classes/${first.classId}`);
  const cls = (await db.select().from(classes).where(eq(classes.id, first.classId)))[0]!;
  assert.equal(cls.name, "World History 10");
  assert.equal(cls.instructorId, first.userId);
  const account = (await db.select().from(users).where(eq(users.id, first.userId)))[0]!;
  assert.deepEqual([account.name, account.email, account.role], ["Ada Obi", "ada@school.example", "instructor"]);
  // No password opens an LMS account.
  assert.equal((await authenticate("ada@school.example", "lti", "127.0.0.1")).ok, false);

  assert.equal(first.frameOrigin, null, "no return URL, no extra frame origin");

  const again = await launch(teacher, {
    lessonSlug: "tajikistan-islamic-state",
    overrides: { [LTI_CLAIM.launchPresentation]: { return_url: "https://school.example/courses/1/done" } },
  });
  assert.equal(again.frameOrigin, "https://school.example");
  assert.deepEqual([again.userId, again.classId], [first.userId, first.classId]);
  const assigned = await db.select().from(assignments).where(eq(assignments.classId, first.classId));
  assert.equal(assigned.length, 1, "the link's lesson is assigned to the class");
});

test("a student launch enrols them and opens the link's lesson; before the instructor's, it says the course is not set up", async () => {
  await refused("course-not-set-up", () => launch(student, { overrides: { [LTI_CLAIM.context]: { id: "course-2" } } }));
  const done = await launch(student, { lessonSlug: "tajikistan-islamic-state" });
  assert.equal(done.destination, "/lessons/tajikistan-islamic-state");
  const enrolled = await db.select().from(enrollments).where(eq(enrollments.studentId, done.userId));
  assert.deepEqual(
    enrolled.map((e) => e.classId),
    [done.classId],
  );
  assert.equal((await launch(student)).userId, done.userId, "the same account next time");
  assert.equal((await db.select().from(enrollments).where(eq(enrollments.studentId, done.userId))).length, 1);
  assert.equal((await launch(student)).destination, "/classes", "without a lesson, their classes");
});

test("an LMS email already used by another account is not taken over", async () => {
  await createAccount(
    { email: "kim@school.example", name: "Kim", password: "a long password 1", role: "student" },
    {
      hashCost: { N: 1024, r: 8, p: 1 },
    },
  );
  const done = await launch({ sub: "s-2", name: "Kim (LMS)", email: "kim@school.example", role: "Learner" });
  const account = (await db.select().from(users).where(eq(users.id, done.userId)))[0]!;
  assert.match(account.email, /^lti-.+@lti\.invalid$/);
  assert.equal(shownEmail(account.email), "", "and never shown");
});

test("every bad launch is refused with a reason and writes nothing", async () => {
  // Not a token, unsigned, and signed by someone else's key.
  await refused("not-a-token", async () => {
    const { state } = await login();
    return completeLaunch({ id_token: "not.a.token", state }, { keySetFor });
  });
  await refused("bad-signature", async () => {
    const { state, nonce } = await login();
    const unsigned = new UnsecuredJWT({ iss: lms.issuer, aud: lms.clientId, sub: "x", nonce })
      .setIssuedAt()
      .setExpirationTime("5m")
      .encode();
    return completeLaunch({ id_token: unsigned, state }, { keySetFor });
  });
  await refused("bad-signature", async () => {
    const { state, nonce } = await login();
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ iss: lms.issuer, aud: lms.clientId, sub: "t-1", nonce })
      .setProtectedHeader({ alg: "RS256", kid: lms.publicJwk.kid })
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    return completeLaunch({ id_token: forged, state }, { keySetFor });
  });
  // States: unknown, used, expired.
  await refused("unknown-state", async () =>
    completeLaunch({ id_token: await lms.idToken({ person: teacher, nonce: "n" }), state: "made-up" }, { keySetFor }),
  );
  {
    const { state, nonce } = await login();
    const idToken = await lms.idToken({ person: teacher, nonce });
    await completeLaunch({ id_token: idToken, state }, { keySetFor });
    await refused("unknown-state", () => completeLaunch({ id_token: idToken, state }, { keySetFor }));
    // The same token with a new state: its nonce belongs to the first.
    await refused("nonce-mismatch", async () =>
      completeLaunch({ id_token: idToken, state: (await login()).state }, { keySetFor }),
    );
  }
  await refused("expired-state", async () => {
    const { state, nonce } = await login(new Date(Date.now() - LAUNCH_STATE_TTL_MS - 1000));
    return completeLaunch({ id_token: await lms.idToken({ person: teacher, nonce }), state }, { keySetFor });
  });
  // The token's own claims.
  await refused("expired-token", () => launch(teacher, { expiresInS: -60 }));
  await refused("wrong-issuer", () => launch(teacher, { overrides: { iss: "https://other.example" } }));
  await refused("wrong-audience", () => launch(teacher, { overrides: { aud: "another-tool" } }));
  await refused("wrong-audience", () =>
    launch(teacher, { overrides: { aud: [lms.clientId, "another-tool"], azp: "another-tool" } }),
  );
  await refused("unknown-deployment", () => launch(teacher, { overrides: { [LTI_CLAIM.deploymentId]: "other" } }));
  await refused("wrong-message-type", () =>
    launch(teacher, { overrides: { [LTI_CLAIM.messageType]: "LtiSubmissionReviewRequest" } }),
  );
  await refused("wrong-version", () => launch(teacher, { overrides: { [LTI_CLAIM.version]: "1.1" } }));
  await refused("missing-claim", () => launch(teacher, { overrides: { [LTI_CLAIM.roles]: undefined } }));
  await refused("missing-claim", () => launch(teacher, { overrides: { [LTI_CLAIM.context]: undefined } }));
  await refused("missing-claim", () => launch(teacher, { overrides: { nonce: undefined } }));
  await refused("unsupported-role", () => launch({ ...teacher, sub: "m-1", role: "Mentor" }));
  await refused("role-mismatch", () => launch({ ...teacher, role: "Learner" }));
  await refused("unknown-lesson", () => launch(teacher, { lessonSlug: "no-such-lesson" }));
  await refused("other-instructor", () => launch({ ...teacher, sub: "t-2", name: "Co Teacher" }));
});

test("a framed launch's ticket signs in once, within its time", async () => {
  const done = await launch(teacher);
  const ticket = await issueTicket(done.userId, done.destination);
  const redeemed = await redeemTicket(ticket);
  assert.deepEqual(
    [redeemed.userId, redeemed.destination, redeemed.role],
    [done.userId, done.destination, "instructor"],
  );
  await refused("unknown-ticket", () => redeemTicket(ticket));
  const stale = await issueTicket(done.userId, done.destination, new Date(Date.now() - TICKET_TTL_MS - 1000));
  await refused("unknown-ticket", () => redeemTicket(stale));
});

const deepLinkRequest = (settings: Record<string, unknown> = {}) => ({
  [LTI_CLAIM.messageType]: "LtiDeepLinkingRequest",
  [LTI_CLAIM.resourceLink]: undefined,
  [LTI_CLAIM.deepLinkingSettings]: {
    deep_link_return_url: `${lms.issuer}/deep-link-return`,
    accept_types: ["ltiResourceLink"],
    data: "platform-opaque-data",
    ...settings,
  },
});

test("deep linking: the instructor picks a lesson, and the LMS gets a signed resource link with a line item", async () => {
  const course = { [LTI_CLAIM.context]: { id: "course-dl", title: "Civics 11" } };
  const launched = await launch(teacher, {
    overrides: {
      ...deepLinkRequest(),
      ...course,
      [LTI_CLAIM.launchPresentation]: { return_url: "https://school.example/courses/2" },
    },
  });
  assert.ok(launched.deepLinkRequest, "the picker's one-time request");
  assert.equal(await deepLinkClassName(launched.deepLinkRequest!), "Civics 11");
  const [choice] = await deepLinkChoices();
  assert.equal(choice!.slug, "tajikistan-islamic-state");
  assert.ok(choice!.points > 0);

  // A lesson that does not exist is refused before the request is used up.
  await refused("unknown-lesson", () =>
    completeDeepLink({ request: launched.deepLinkRequest!, lesson: "nope", showAnswers: false }, tool),
  );
  const done = await completeDeepLink(
    { request: launched.deepLinkRequest!, lesson: choice!.slug, showAnswers: true },
    tool,
  );
  assert.equal(done.returnUrl, `${lms.issuer}/deep-link-return`);
  assert.equal(done.frameOrigin, "https://school.example", "the hand-back may be framed where the picker was");
  const { payload } = await jwtVerify(done.jwt, createLocalJWKSet(await publishedKeySet()), {
    issuer: lms.clientId,
    audience: lms.issuer,
  });
  assert.equal(payload[LTI_CLAIM.messageType], "LtiDeepLinkingResponse");
  assert.equal(payload[LTI_CLAIM.version], "1.3.0");
  assert.equal(payload[LTI_CLAIM.deploymentId], lms.deploymentId);
  assert.equal(payload[LTI_CLAIM.data], "platform-opaque-data", "the platform's data comes back unchanged");
  assert.deepEqual(payload[LTI_CLAIM.contentItems], [
    {
      type: "ltiResourceLink",
      title: choice!.title,
      text: "A close-reading lesson in Marginalia: read the passages and answer their questions.",
      url: `${tool}/api/lti/launch`,
      custom: { lesson: choice!.slug, show_answers: "true" },
      lineItem: { scoreMaximum: choice!.points, label: choice!.title, resourceId: choice!.slug },
    },
  ]);
  const assigned = await db.select().from(assignments).where(eq(assignments.classId, launched.classId));
  assert.deepEqual(
    assigned.map((a) => a.showAnswersAfterSubmit),
    [true],
  );
  await refused("unknown-deep-link", () =>
    completeDeepLink({ request: launched.deepLinkRequest!, lesson: choice!.slug, showAnswers: true }, tool),
  );
});

test("deep linking is for instructors, and only for resource links", async () => {
  await refused("deep-linking-refused", () => launch(student, { overrides: deepLinkRequest() }));
  await refused("deep-linking-refused", () =>
    launch(teacher, { overrides: deepLinkRequest({ accept_types: ["file"] }) }),
  );
  await refused("missing-claim", () =>
    launch(teacher, { overrides: { ...deepLinkRequest(), [LTI_CLAIM.deepLinkingSettings]: undefined } }),
  );
  await refused("missing-claim", () =>
    launch(teacher, { overrides: deepLinkRequest({ deep_link_return_url: "javascript:alert(1)" }) }),
  );
});
