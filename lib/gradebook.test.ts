import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGradebook, describeTotals, shortTotals, type GradebookAnswer, type GradebookQuestion } from "./gradebook";

const questions: GradebookQuestion[] = [
  { key: "choice", label: "Q1", points: 1, autoGraded: true },
  { key: "multi", label: "Q2", points: 2, autoGraded: true },
  { key: "open", label: "Q3", points: 6, autoGraded: false },
  { key: "open2", label: "Q4", points: 6, autoGraded: false },
];
const answer = (studentId: string, questionKey: string, over: Partial<GradebookAnswer> = {}): GradebookAnswer => ({
  studentId,
  questionKey,
  answered: true,
  autoScore: null,
  feedback: null,
  ...over,
});

test("partial credit, returned feedback and awaiting answers add up honestly", () => {
  const [row] = buildGradebook(
    questions,
    [{ id: "s", name: "S", submitted: true }],
    [
      answer("s", "choice", { autoScore: 1 }),
      answer("s", "multi", { autoScore: 1.5 }),
      answer("s", "open", { feedback: { points: 4, returned: true } }),
      answer("s", "open2"),
    ],
  );
  assert.deepEqual(
    row!.cells.map((c) => c.state),
    ["graded", "graded", "graded", "awaiting-review"],
  );
  assert.deepEqual(row!.totals, { earned: 6.5, gradedPossible: 9, awaitingCount: 1, awaitingPoints: 6 });
  assert.equal(describeTotals(row!.totals), "6.5 of 9 graded points, 1 awaiting review (6 points)");
  assert.equal(shortTotals(row!.totals), "6.5/9 · 1 awaiting");
});

test("a returned override replaces the automatic grade; one not yet returned does not", () => {
  const rows = buildGradebook(
    questions.slice(0, 2),
    [{ id: "s", name: "S", submitted: true }],
    [
      answer("s", "choice", { autoScore: 0, feedback: { points: 1, returned: true } }),
      answer("s", "multi", { autoScore: 1, feedback: { points: 2, returned: false } }),
    ],
  );
  assert.deepEqual(rows[0]!.cells, [
    { state: "graded", points: 1 },
    { state: "graded", points: 1 },
  ]);
  assert.deepEqual(rows[0]!.totals, { earned: 2, gradedPossible: 3, awaitingCount: 0, awaitingPoints: 0 });
});

test("feedback not yet returned still awaits, and shows its points to the instructor only as a draft", () => {
  const [row] = buildGradebook(
    questions.slice(2, 3),
    [{ id: "s", name: "S", submitted: true }],
    [answer("s", "open", { feedback: { points: 5, returned: false } })],
  );
  assert.deepEqual(row!.cells[0], { state: "reviewed-not-returned", points: 5 });
  assert.deepEqual(row!.totals, { earned: 0, gradedPossible: 0, awaitingCount: 1, awaitingPoints: 6 });
});

test("a submitted lesson's unanswered question is a real zero; an unsubmitted lesson has no total", () => {
  const rows = buildGradebook(
    questions.slice(0, 1),
    [
      { id: "a", name: "A", submitted: true },
      { id: "b", name: "B", submitted: false },
    ],
    [answer("b", "choice", { autoScore: 1 })],
  );
  assert.deepEqual(rows[0]!.cells[0], { state: "unanswered", points: 0 });
  assert.deepEqual(rows[0]!.totals, { earned: 0, gradedPossible: 1, awaitingCount: 0, awaitingPoints: 0 });
  assert.deepEqual(rows[1]!.cells[0], { state: "not-submitted", points: null });
  assert.equal(describeTotals(rows[1]!.totals), "Not submitted");
  assert.equal(shortTotals(rows[0]!.totals), "0/1");
  assert.equal(shortTotals(rows[1]!.totals), "Not submitted");
});
