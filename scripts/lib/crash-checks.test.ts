import { test } from "node:test";
import assert from "node:assert/strict";
import type { AuditedAnswer, AuditedAttempt } from "@/db/testing/crash-audit";
import { checkAfterCrash, checkLastSaves, type AcknowledgedSave } from "./crash-checks";

const text = (t: string) => ({ type: "open_response" as const, text: t });
const open = (questionKey: string, revision: number, t: string): AuditedAnswer => ({
  questionKey,
  revision,
  response: text(t),
  autoGraded: false,
  autoScore: null,
  scoreOfResponse: null,
  updatedAt: new Date(0),
});
/** A choice answer whose stored option grades `scoreOfResponse` (by default what it was graded, or 1). */
const choice = (
  questionKey: string,
  revision: number,
  autoScore: number | null,
  scoreOfResponse = autoScore ?? 1,
): AuditedAnswer => ({
  questionKey,
  revision,
  response: { type: "single_choice", optionId: "a" },
  autoGraded: true,
  autoScore,
  scoreOfResponse,
  updatedAt: new Date(0),
});
const attempt = (email: string, submitted: boolean, answers: AuditedAnswer[]): AuditedAttempt => ({
  attemptId: `t-${email}`,
  email,
  contextKey: "c1",
  submittedAt: submitted ? new Date(0) : null,
  answers,
});
const save = (email: string, questionKey: string, revision: number, t: string): AcknowledgedSave => ({
  email,
  contextKey: "c1",
  questionKey,
  revision,
  response: text(t),
});

test("everything acknowledged is stored and submissions are whole: no problems, and the counts of what was checked", () => {
  const attempts = [
    attempt("a", true, [open("q1", 3, "three"), choice("q2", 1, 1)]),
    attempt("b", false, [open("q1", 5, "five"), choice("q2", 2, null)]),
  ];
  // b's revision 5 landed after the acknowledged 4 (its acknowledgement was lost in the crash): that is fine.
  const result = checkAfterCrash(
    [save("a", "q1", 3, "three"), save("b", "q1", 4, "four")],
    [{ email: "a", contextKey: "c1" }],
    attempts,
  );
  assert.deepEqual(result, { problems: [], savesChecked: 2, submissionsChecked: 1 });
});

test("a lost save, an older revision, other text at the same revision and a save in another context are each found", () => {
  const attempts = [attempt("a", false, [open("q1", 2, "two"), open("q3", 4, "not four")])];
  const result = checkAfterCrash(
    [
      save("a", "q1", 3, "three"),
      save("a", "q2", 1, "one"),
      save("a", "q3", 4, "four"),
      { ...save("a", "q1", 1, "one"), contextKey: "c2" },
    ],
    [],
    attempts,
  );
  assert.deepEqual(result.problems, [
    "a's save of q1 (revision 3) was acknowledged but the database holds revision 2",
    "a's save of q2 (revision 1) was acknowledged but is not in the database",
    "a's save of q3 (revision 4): the database holds other text at that revision",
    "a's save of q1 (revision 1) was acknowledged but is not in the database",
  ]);
  assert.equal(result.savesChecked, 4);
});

test("an acknowledged submission that is not recorded, and half-written submissions either way, are found", () => {
  const attempts = [
    attempt("a", false, [choice("q2", 1, null)]),
    attempt("b", true, [choice("q2", 1, null), open("q1", 1, "x"), choice("q4", 1, 0)]),
    attempt("c", false, [choice("q2", 1, 0.5)]),
  ];
  const result = checkAfterCrash(
    [],
    [
      { email: "a", contextKey: "c1" },
      { email: "z", contextKey: "c1" },
    ],
    attempts,
  );
  assert.deepEqual(result.problems, [
    "a's submission was acknowledged but is not recorded",
    "z's submission was acknowledged but is not recorded",
    "b's attempt is submitted but q2 are not graded",
    "c's attempt is not submitted but q2 have grades",
  ]);
  assert.equal(result.submissionsChecked, 2);
});

test("a second attempt in one context, an answer saved after submitting and a grade its text does not earn are found", () => {
  const attempts = [
    attempt("a", true, [choice("q2", 1, 1)]),
    attempt("a", true, [choice("q2", 1, 1)]),
    attempt("b", true, [{ ...open("q1", 2, "late"), updatedAt: new Date(1) }, choice("q2", 1, 1, 0)]),
  ];
  assert.deepEqual(checkAfterCrash([], [], attempts).problems, [
    "a has more than one attempt in c1",
    "b's answer to q1 was saved after the attempt was submitted",
    "b's answer to q2 is graded 1, but its stored text grades 0",
  ]);
});

test("after the clients stopped, each answer must hold its last save's text, whatever its revision", () => {
  const attempts = [attempt("a", false, [open("q1", 7, "seven"), open("q3", 2, "older")])];
  assert.deepEqual(
    checkLastSaves([save("a", "q1", 6, "seven"), save("a", "q2", 1, "one"), save("a", "q3", 2, "newer")], attempts),
    ["a's last save of q2 is not what the database holds", "a's last save of q3 is not what the database holds"],
  );
});
