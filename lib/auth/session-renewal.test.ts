import { test } from "node:test";
import assert from "node:assert/strict";
import { RENEW_AFTER_S, SESSION_IDLE_S, SESSION_TERM_S, sessionRenewal } from "./session-renewal";

const DAY = 24 * 60 * 60;
const signedIn = 1_800_000_000;
const fresh = { iat: signedIn, exp: signedIn + SESSION_IDLE_S };

test("a session younger than a day is left alone", () => {
  assert.equal(sessionRenewal(fresh, signedIn + RENEW_AFTER_S - 1), null);
});

test("a session in use is renewed for another 30 days from now, keeping when it began", () => {
  assert.deepEqual(sessionRenewal(fresh, signedIn + 2 * DAY), { maxAgeS: SESSION_IDLE_S, authTime: signedIn });
  const renewed = { iat: signedIn + 20 * DAY, exp: signedIn + 50 * DAY, auth_time: signedIn };
  assert.deepEqual(sessionRenewal(renewed, signedIn + 45 * DAY), { maxAgeS: SESSION_IDLE_S, authTime: signedIn });
});

test("no session outlives its term, and none is shortened", () => {
  const late = { iat: signedIn + 100 * DAY, exp: signedIn + 119 * DAY, auth_time: signedIn };
  assert.deepEqual(sessionRenewal(late, signedIn + 110 * DAY), { maxAgeS: 10 * DAY, authTime: signedIn });
  const atTerm = { iat: signedIn + 110 * DAY, exp: signedIn + SESSION_TERM_S, auth_time: signedIn };
  assert.equal(sessionRenewal(atTerm, signedIn + 115 * DAY), null);
});

test("an expired token, or one without its times, is never renewed", () => {
  assert.equal(sessionRenewal(fresh, signedIn + SESSION_IDLE_S), null);
  assert.equal(sessionRenewal({ exp: signedIn + SESSION_IDLE_S }, signedIn + 2 * DAY), null);
  assert.equal(sessionRenewal({ iat: "yesterday", exp: signedIn + SESSION_IDLE_S }, signedIn + 2 * DAY), null);
});

test("a sign-in time later than the token's issue is not believed", () => {
  const odd = { iat: signedIn, exp: signedIn + SESSION_IDLE_S, auth_time: signedIn + 90 * DAY };
  assert.deepEqual(sessionRenewal(odd, signedIn + 2 * DAY), { maxAgeS: SESSION_IDLE_S, authTime: signedIn });
});
