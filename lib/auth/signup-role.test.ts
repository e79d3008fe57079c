import { test } from "node:test";
import assert from "node:assert/strict";
import { decideSignUpRole } from "./signup-role";

test("without a code, a sign-up is a student", () => {
  assert.deepEqual(decideSignUpRole(undefined, "a-long-enough-secret"), { role: "student" });
  assert.deepEqual(decideSignUpRole(undefined, undefined), { role: "student" });
});

test("the right code makes an instructor; a wrong one is refused", () => {
  assert.deepEqual(decideSignUpRole("a-long-enough-secret", "a-long-enough-secret"), { role: "instructor" });
  assert.deepEqual(decideSignUpRole("a-long-enough-secrets", "a-long-enough-secret"), {
    error: "That instructor code is not right.",
  });
});

test("with no code configured, or one short enough to guess, instructor sign-up is closed", () => {
  assert.match((decideSignUpRole("anything", undefined) as { error: string }).error, /closed/);
  assert.match((decideSignUpRole("short", "short") as { error: string }).error, /closed/);
});
