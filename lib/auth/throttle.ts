/**
 * The policy for failed sign-ins, counted per account and per address within a window:
 * from the 5th failure each attempt is slowed down, and the 10th locks the key for 15 minutes.
 * Pure: the caller loads and stores the state.
 */
export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export const THROTTLE = {
  windowMs: 15 * 60_000,
  slowAfter: 5,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  delayStepMs: 400,
  maxDelayMs: 3_000,
};

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

/** Before checking a password: may this key try now, and after how long a pause? */
export function decide(state: ThrottleState | null, now: Date): ThrottleDecision {
  if (state?.lockedUntil && state.lockedUntil > now) return { allowed: false, retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  const live = current(state, now);
  const over = live.failures - THROTTLE.slowAfter + 1;
  return { allowed: true, delayMs: over > 0 ? Math.min(THROTTLE.maxDelayMs, over * THROTTLE.delayStepMs) : 0 };
}

/** After a wrong password: the new state for this key. */
export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const live = current(state, now);
  const failures = live.failures + 1;
  return {
    failures,
    windowStartedAt: live.windowStartedAt,
    lockedUntil: failures >= THROTTLE.lockAfter ? new Date(now.getTime() + THROTTLE.lockMs) : null,
  };
}

/** The state with an expired window or lock started afresh. */
function current(state: ThrottleState | null, now: Date): ThrottleState {
  const expired =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() > THROTTLE.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil <= now);
  return expired ? { failures: 0, windowStartedAt: now, lockedUntil: null } : state;
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
