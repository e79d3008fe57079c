import { createHash, timingSafeEqual } from "node:crypto";
import type { Role } from "@/lib/actor";

export const MIN_CODE_LENGTH = 12;

export type RoleDecision = { role: Role } | { error: string };

/**
 * Who a sign-up becomes: a student, or an instructor when they give the code set in
 * INSTRUCTOR_SIGNUP_CODE. With no code set, instructor sign-up is closed.
 */
export function decideSignUpRole(givenCode: string | undefined, configuredCode: string | undefined): RoleDecision {
  if (!givenCode) return { role: "student" };
  // A short code could be guessed; treat it as no code at all (the README says so).
  if (!configuredCode || configuredCode.length < MIN_CODE_LENGTH) {
    return { error: "Instructor sign-up is closed on this site. Leave the code empty to sign up as a student." };
  }
  // Compare digests so the comparison takes the same time whatever the lengths.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(givenCode), digest(configuredCode))
    ? { role: "instructor" }
    : { error: "That instructor code is not right." };
}
