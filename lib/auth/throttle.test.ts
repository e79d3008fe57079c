import { test } from "node:test";
import assert from "node:assert/strict";
import { ADDRESS_THROTTLE, afterFailure, decide, THROTTLE, type ThrottleState } from "./throttle";

const t0 = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, now = t0): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = afterFailure(state, now);
  return state;
}

test("the first failures are not slowed down", () => {
  assert.deepEqual(decide(null, t0), { allowed: true, delayMs: 0 });
  assert.deepEqual(decide(failTimes(THROTTLE.slowAfter - 1), t0), { allowed: true, delayMs: 0 });
});

test("from the fifth failure each attempt waits longer, up to a cap", () => {
  assert.deepEqual(decide(failTimes(5), t0), { allowed: true, delayMs: 400 });
  assert.deepEqual(decide(failTimes(7), t0), { allowed: true, delayMs: 1200 });
  assert.deepEqual(decide(failTimes(9), t0), { allowed: true, delayMs: 2000 });
});

test("the tenth failure locks the key for fifteen minutes, then it starts afresh", () => {
  const locked = failTimes(10)!;
  assert.deepEqual(decide(locked, at(60_000)), { allowed: false, retryAfterMs: THROTTLE.lockMs - 60_000 });
  assert.deepEqual(decide(locked, at(THROTTLE.lockMs + 1)), { allowed: true, delayMs: 0 });
  assert.equal(afterFailure(locked, at(THROTTLE.lockMs + 1)).failures, 1);
});

test("failures older than the window are forgotten", () => {
  const old = failTimes(8)!;
  assert.deepEqual(decide(old, at(THROTTLE.windowMs + 1)), { allowed: true, delayMs: 0 });
});

test("an address is slowed from its 50th failure but never locked", () => {
  let state: ThrottleState | null = null;
  for (let i = 0; i < 49; i++) state = afterFailure(state, t0, ADDRESS_THROTTLE);
  assert.deepEqual(decide(state, t0, ADDRESS_THROTTLE), { allowed: true, delayMs: 0 });
  for (let i = 0; i < 500; i++) state = afterFailure(state, t0, ADDRESS_THROTTLE);
  assert.deepEqual(decide(state, t0, ADDRESS_THROTTLE), { allowed: true, delayMs: ADDRESS_THROTTLE.maxDelayMs });
});
