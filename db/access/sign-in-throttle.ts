/**
 * Storage for the sign-in throttle (policy in lib/auth/throttle.ts). Internal to the users module.
 * An attempt is counted before the password is checked, in one transaction with the decision,
 * so parallel guesses cannot all slip in under the limit.
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { ReadDb } from "../client";
import { greatest } from "../dialect";
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
export async function reserveAttempt(db: ReadDb, keys: string[], now: Date): Promise<ThrottleDecision> {
  return inTransaction(db, async (tx) => {
    let delayMs = 0;
    const states = [];
    for (const key of keys) {
      const state = (await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).limit(1))[0] ?? null;
      states.push({ key, state });
    }
    for (const { key, state } of states) {
      const decision = decide(state, now, policyOf(key));
      if (!decision.allowed) return decision;
      delayMs = Math.max(delayMs, decision.delayMs);
    }
    for (const { key, state } of states) {
      const next = afterFailure(state, now, policyOf(key));
      await tx
        .insert(signInThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: signInThrottle.key, set: next });
    }
    // Forget what has expired, so the table does not grow with every address and unknown email.
    await tx
      .delete(signInThrottle)
      .where(
        and(
          lt(signInThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE.windowMs)),
          or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now)),
        ),
      );
    return { allowed: true, delayMs };
  });
}

/** The reserved attempt was right: the account starts afresh, and the address gets its attempt back. */
export async function attemptSucceeded(db: ReadDb, accountKey: string, addressKey?: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey));
    if (addressKey) {
      await tx
        .update(signInThrottle)
        .set({ failures: greatest(sql`${signInThrottle.failures} - 1`, 0) })
        .where(eq(signInThrottle.key, addressKey));
    }
  });
}
