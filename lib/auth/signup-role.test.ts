import { test } from "node:test";
import assert from "node:assert/strict";
import { decideSignUpRole } from "./signup-role";

test("without a code, a sign-up is a student", () => {
  assert.deepEqual(decideSignUpRole(undefined, "secret"), { role: "student" });
  assert.deepEqual(decideSignUpRole(undefined, undefined), { role: "student" });
});

test("the right code makes an instructor; a wrong one is refused", () => {
  assert.deepEqual(decideSignUpRole("secret", "secret"), { role: "instructor" });
  assert.deepEqual(decideSignUpRole("secrets", "secret"), { error: "That instructor code is not right." });
});

test("with no code configured, instructor sign-up is closed", () => {
  assert.match((decideSignUpRole("anything", undefined) as { error: string }).error, /closed/);
});
