/**
 * The policy for failed sign-ins, counted per account and per address within a window.
 * For an account, from the 5th failure each attempt is slowed down and the 10th locks it for
 * 15 minutes. An address is only ever slowed, from its 50th failure: a whole school may sit
 * behind one address, and X-Forwarded-For can be forged, so locking by address would let
 * anyone lock a school out.
 * Pure: the caller loads and stores the state.
 */
export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export type ThrottlePolicy = {
  windowMs: number;
  slowAfter: number;
  lockAfter: number;
  lockMs: number;
  delayStepMs: number;
  maxDelayMs: number;
};

export const THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 5,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  delayStepMs: 400,
  maxDelayMs: 3_000,
};

export const ADDRESS_THROTTLE: ThrottlePolicy = { ...THROTTLE, slowAfter: 50, lockAfter: Number.POSITIVE_INFINITY };

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

/** Before checking a password: may this key try now, and after how long a pause? */
export function decide(state: ThrottleState | null, now: Date, policy = THROTTLE): ThrottleDecision {
  if (state?.lockedUntil && state.lockedUntil > now)
    return { allowed: false, retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  const live = current(state, now, policy);
  const over = live.failures - policy.slowAfter + 1;
  return { allowed: true, delayMs: over > 0 ? Math.min(policy.maxDelayMs, over * policy.delayStepMs) : 0 };
}

/** After a wrong password: the new state for this key. */
export function afterFailure(state: ThrottleState | null, now: Date, policy = THROTTLE): ThrottleState {
  const live = current(state, now, policy);
  const failures = live.failures + 1;
  return {
    failures,
    windowStartedAt: live.windowStartedAt,
    lockedUntil: failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMs) : null,
  };
}

/** The state with an expired window or lock started afresh. */
function current(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const expired =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() > policy.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil <= now);
  return expired ? { failures: 0, windowStartedAt: now, lockedUntil: null } : state;
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
