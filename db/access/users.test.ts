import { test } from "node:test";
import assert from "node:assert/strict";
import { freshAppDatabase } from "@/db/testing/test-database";
import { signInThrottle, users } from "@/db/schema";
import {
  authenticate,
  changePassword,
  createAccount,
  endAllSessions,
  endSession,
  findSessionActor,
  signUp,
} from "./users";

const db = await freshAppDatabase();
const noPause = async () => {};
/** Hashing at production cost takes about a second a password; these tests are about the rules around it. */
const cheap = { hashCost: { N: 2 ** 10, r: 8, p: 1 } };

test("emails are case-insensitive and unique, and the message does not confirm the email exists", async () => {
  await createAccount({ email: "Ada@Example.org", name: "Ada", password: "a long password", role: "student" }, cheap);
  const stored = (await db.select().from(users)).find((u) => u.name === "Ada")!;
  assert.equal(stored.email, "ada@example.org");
  assert.ok(!stored.passwordHash.includes("a long password"));
  await assert.rejects(
    createAccount({ email: "ADA@example.org", name: "Ada 2", password: "another password", role: "student" }, cheap),
    (err: Error) => {
      assert.doesNotMatch(err.message, /exists|taken|already registered/i);
      return true;
    },
  );
});

test("sign-up becomes an instructor only with the configured code", async () => {
  const code = "instructor-code-2026";
  assert.equal((await signUp({ email: "s@x.org", name: "S", password: "password123" }, code, cheap)).role, "student");
  assert.equal(
    (await signUp({ email: "t@x.org", name: "T", password: "password123", instructorCode: code }, code, cheap)).role,
    "instructor",
  );
  await assert.rejects(
    signUp({ email: "u@x.org", name: "U", password: "password123", instructorCode: "guess" }, code, cheap),
    /not right/,
  );
  await assert.rejects(
    signUp({ email: "v@x.org", name: "V", password: "password123", instructorCode: code }, undefined, cheap),
    /closed/,
  );
});

test("sign-in succeeds with the right password only, with one message for a wrong password and an unknown email", async () => {
  await createAccount(
    { email: "grace@example.org", name: "Grace", password: "right password", role: "instructor" },
    cheap,
  );
  const ok = await authenticate("GRACE@example.org ", "right password", "10.0.0.1", { pause: noPause });
  assert.ok(ok.ok && ok.actor.role === "instructor");
  const wrong = await authenticate("grace@example.org", "wrong password", "10.0.0.1", { pause: noPause });
  const unknown = await authenticate("nobody@example.org", "wrong password", "10.0.0.1", { pause: noPause });
  assert.ok(!wrong.ok && !unknown.ok);
  assert.equal(wrong.message, unknown.message);
});

test("repeated failures for one account are slowed down, then refused even with the right password", async () => {
  await createAccount(
    { email: "target@example.org", name: "Target", password: "right password", role: "student" },
    cheap,
  );
  const pauses: number[] = [];
  const pause = async (ms: number) => void pauses.push(ms);
  for (let i = 0; i < 10; i++) await authenticate("target@example.org", `guess ${i}`, `10.1.0.${i}`, { pause });
  assert.deepEqual(pauses, [400, 800, 1200, 1600, 2000]);
  const refused = await authenticate("target@example.org", "right password", "10.2.0.1", { pause });
  assert.ok(!refused.ok);
  assert.match(refused.message, /Too many failed sign-ins\. Try again in 15 minutes\./);
  const later = await authenticate("target@example.org", "right password", "10.2.0.1", {
    pause,
    now: new Date(Date.now() + 16 * 60_000),
  });
  assert.ok(later.ok);
});

test("repeated failures from one address slow it down, without locking out others behind it", async () => {
  // 60 earlier failures from this address (recorded directly: 60 scrypt checks would only slow the test down).
  await db
    .insert(signInThrottle)
    .values({ key: "address:10.9.9.9", failures: 60, windowStartedAt: new Date(), lockedUntil: null });
  const pauses: number[] = [];
  const result = await authenticate("grace@example.org", "right password", "10.9.9.9", {
    pause: async (ms) => void pauses.push(ms),
  });
  assert.ok(result.ok);
  assert.deepEqual(pauses, [3000]);
});

test("parallel guesses cannot slip under the account's limit", async () => {
  await createAccount(
    { email: "racer@example.org", name: "Racer", password: "right password", role: "student" },
    cheap,
  );
  const results = await Promise.all(
    Array.from(
      { length: 14 },
      async (_, i) => await authenticate("racer@example.org", `guess ${i}`, `10.4.0.${i}`, { pause: noPause }),
    ),
  );
  assert.equal(results.filter((r) => !r.ok && /Too many/.test(r.message)).length, 4);
});

test("changing the password ends other sessions; signing out everywhere ends all", async () => {
  const actor = await createAccount(
    { email: "lin@example.org", name: "Lin", password: "first password", role: "student" },
    cheap,
  );
  assert.ok(await findSessionActor(actor.userId, 1));
  await assert.rejects(
    changePassword(actor, { currentPassword: "not it", newPassword: "second password" }, cheap),
    /not your current password/,
  );
  const version = await changePassword(
    actor,
    { currentPassword: "first password", newPassword: "second password" },
    cheap,
  );
  assert.equal(version, 2);
  assert.equal(await findSessionActor(actor.userId, 1), null);
  assert.ok(await findSessionActor(actor.userId, 2));
  assert.ok((await authenticate("lin@example.org", "second password", "10.3.0.1", { pause: noPause })).ok);
  await endAllSessions(actor);
  assert.equal(await findSessionActor(actor.userId, 2), null);
});

test("signing out ends that session only, until its token would have expired", async () => {
  const actor = await createAccount(
    { email: "sol@example.org", name: "Sol", password: "a password here", role: "student" },
    cheap,
  );
  assert.ok(await findSessionActor(actor.userId, 1, "laptop"));
  await endSession("laptop", actor.userId, new Date(Date.now() + 60_000));
  assert.equal(await findSessionActor(actor.userId, 1, "laptop"), null, "the signed-out session is refused");
  assert.ok(await findSessionActor(actor.userId, 1, "phone"), "the account's other sessions go on");
  // Ended sessions are forgotten once their tokens have expired anyway.
  await endSession("old", actor.userId, new Date(Date.now() - 1000));
  await endSession("tablet", actor.userId, new Date(Date.now() + 60_000));
  assert.ok(await findSessionActor(actor.userId, 1, "old"));
});
