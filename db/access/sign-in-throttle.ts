/**
 * Storage for the sign-in throttle (policy in lib/auth/throttle.ts). Internal to the users module.
 * An attempt is counted before the password is checked, in one transaction with the decision,
 * so parallel guesses cannot all slip in under the limit.
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { inTransaction } from "../transaction";
import { signInThrottle } from "../schema";
import { ADDRESS_THROTTLE, afterFailure, decide, THROTTLE, type ThrottleDecision } from "@/lib/auth/throttle";

/** Keys are `account:<email>` or `address:<ip>`; each kind has its own policy. */
function policyOf(key: string) {
  return key.startsWith("address:") ? ADDRESS_THROTTLE : THROTTLE;
}

/**
 * Decides whether an attempt may go ahead (the strictest decision over its keys) and, if so,
 * counts it as a failure until `attemptSucceeded` says otherwise.
 */
export function reserveAttempt(db: Db, keys: string[], now: Date): ThrottleDecision {
  return inTransaction(db, (tx) => {
    let delayMs = 0;
    const states = keys.map((key) => ({
      key,
      state: tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get() ?? null,
    }));
    for (const { key, state } of states) {
      const decision = decide(state, now, policyOf(key));
      if (!decision.allowed) return decision;
      delayMs = Math.max(delayMs, decision.delayMs);
    }
    for (const { key, state } of states) {
      const next = afterFailure(state, now, policyOf(key));
      tx.insert(signInThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: signInThrottle.key, set: next })
        .run();
    }
    // Forget what has expired, so the table does not grow with every address and unknown email.
    tx.delete(signInThrottle)
      .where(
        and(
          lt(signInThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE.windowMs)),
          or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now)),
        ),
      )
      .run();
    return { allowed: true, delayMs };
  });
}

/** The reserved attempt was right: the account starts afresh, and the address gets its attempt back. */
export function attemptSucceeded(db: Db, accountKey: string, addressKey?: string): void {
  inTransaction(db, (tx) => {
    tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey)).run();
    if (addressKey) {
      tx.update(signInThrottle)
        .set({ failures: sql`max(${signInThrottle.failures} - 1, 0)` }) // SQLite's two-argument max(); greatest() on Postgres
        .where(eq(signInThrottle.key, addressKey))
        .run();
    }
  });
}
