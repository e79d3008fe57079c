/** Storage for the sign-in throttle (policy in lib/auth/throttle.ts). Internal to the users module. */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { signInThrottle } from "../schema";
import { ADDRESS_THROTTLE, afterFailure, decide, THROTTLE, type ThrottleDecision, type ThrottleState } from "@/lib/auth/throttle";

/** Keys are `account:<email>` or `address:<ip>`; each kind has its own policy. */
function policyOf(key: string) {
  return key.startsWith("address:") ? ADDRESS_THROTTLE : THROTTLE;
}

function load(db: Db, key: string): ThrottleState | null {
  return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get() ?? null;
}

/** The strictest decision over all keys (the account and the address). */
export function checkThrottle(db: Db, keys: string[], now: Date): ThrottleDecision {
  let delayMs = 0;
  for (const key of keys) {
    const decision = decide(load(db, key), now, policyOf(key));
    if (!decision.allowed) return decision;
    delayMs = Math.max(delayMs, decision.delayMs);
  }
  return { allowed: true, delayMs };
}

export function recordFailure(db: Db, keys: string[], now: Date): void {
  db.transaction((tx) => {
    for (const key of keys) {
      const next = afterFailure(tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get() ?? null, now, policyOf(key));
      tx.insert(signInThrottle).values({ key, ...next }).onConflictDoUpdate({ target: signInThrottle.key, set: next }).run();
    }
  });
}

export function clearThrottle(db: Db, keys: string[]): void {
  db.delete(signInThrottle).where(inArray(signInThrottle.key, keys)).run();
}
