import { test } from "node:test";
import assert from "node:assert/strict";
import { questionSchema, type QuestionContent } from "@/content/schema";
import { describeScore, gradeAnswer, summariseScores } from "./grading";

const base = { passage: "p", kind: "comprehension" as const, prompt: "?" };
const q = (raw: object) => questionSchema.parse({ ...base, ...raw }) as QuestionContent;
const opt = (id: string, correct: boolean) => ({ id, text: id, correct, explanation: "because" });

const single = q({ id: "s", type: "single_choice", points: 1, options: [opt("a", false), opt("b", true)] });
const multi = q({
  id: "m",
  type: "multiple_select",
  points: 2,
  options: [opt("a", true), opt("b", true), opt("c", false), opt("d", false)],
});
const short = q({
  id: "t",
  type: "short_answer",
  points: 1,
  acceptedAnswers: ["$2,700", "around 144"],
  explanation: "x",
});
const evidence = q({ id: "e", type: "evidence", points: 2, keySentences: ["k1", "k2"], explanation: "x" });
const open = q({
  id: "o",
  type: "open_response",
  points: 2,
  exemplar: "x",
  rubric: [
    {
      id: "c",
      name: "C",
      levels: [
        { points: 0, label: "0", description: "d" },
        { points: 2, label: "2", description: "d" },
      ],
    },
  ],
});

test("single choice: the key earns every point, anything else none", () => {
  assert.equal(gradeAnswer(single, { type: "single_choice", optionId: "b" }), 1);
  assert.equal(gradeAnswer(single, { type: "single_choice", optionId: "a" }), 0);
  assert.equal(gradeAnswer(single, { type: "single_choice", optionId: null }), 0);
});

test("multiple select: partial credit per right option, each wrong one taking a share back", () => {
  assert.equal(gradeAnswer(multi, { type: "multiple_select", optionIds: ["a", "b"] }), 2);
  assert.equal(gradeAnswer(multi, { type: "multiple_select", optionIds: ["a"] }), 1);
  assert.equal(gradeAnswer(multi, { type: "multiple_select", optionIds: ["a", "b", "c"] }), 1);
  assert.equal(gradeAnswer(multi, { type: "multiple_select", optionIds: ["a", "c"] }), 0);
  assert.equal(
    gradeAnswer(multi, { type: "multiple_select", optionIds: ["a", "b", "c", "d"] }),
    0,
    "ticking everything earns nothing",
  );
  assert.equal(gradeAnswer(multi, { type: "multiple_select", optionIds: [] }), 0, "choosing nothing earns nothing");
});

test("short answer: case, spacing, punctuation, hedges and units are ignored; values are not", () => {
  for (const given of ["2700", "$2,700", "2 700", "Around 144", "around-144!", "144", "approx. 144 people"])
    assert.equal(gradeAnswer(short, { type: "short_answer", text: given }), 1, given);
  for (const given of ["27000", "27", "2.7", "-144", "145", "", "   ", "about"])
    assert.equal(gradeAnswer(short, { type: "short_answer", text: given }), 0, given);
});

test("evidence: partial credit, with wrong sentences taking credit back", () => {
  assert.equal(gradeAnswer(evidence, { type: "evidence", sentenceIds: ["k1", "k2"] }), 2);
  assert.equal(gradeAnswer(evidence, { type: "evidence", sentenceIds: ["k2"] }), 1);
  assert.equal(gradeAnswer(evidence, { type: "evidence", sentenceIds: ["k1", "x"] }), 0);
  assert.equal(gradeAnswer(evidence, { type: "evidence", sentenceIds: ["k1", "k2", "x"] }), 1);
  assert.equal(gradeAnswer(evidence, { type: "evidence", sentenceIds: ["x", "y", "z"] }), 0, "never below zero");
});

test("evidence: a sentence the question also accepts neither earns nor costs", () => {
  const lenient = q({
    id: "e2",
    type: "evidence",
    points: 2,
    keySentences: ["k1", "k2"],
    alsoAccepted: ["fits"],
    explanation: "x",
  });
  assert.equal(gradeAnswer(lenient, { type: "evidence", sentenceIds: ["k1", "k2", "fits"] }), 2);
  assert.equal(gradeAnswer(lenient, { type: "evidence", sentenceIds: ["fits"] }), 0, "and earns nothing alone");
  assert.equal(gradeAnswer(lenient, { type: "evidence", sentenceIds: ["k1", "k2", "x"] }), 1);
});

test("open responses are left for the instructor", () => {
  assert.equal(gradeAnswer(open, { type: "open_response", text: "My reading." }), null);
});

test("a response of the wrong type is refused", () => {
  assert.throws(() => gradeAnswer(single, { type: "short_answer", text: "b" }));
});

test("totals never count what awaits an instructor as zero", () => {
  const summary = summariseScores([
    { score: 1, maxPoints: 1, answered: true, autoGraded: true },
    { score: 1.5, maxPoints: 2, answered: true, autoGraded: true },
    { score: 0, maxPoints: 2, answered: false, autoGraded: true },
    { score: null, maxPoints: 6, answered: true, autoGraded: false },
    { score: null, maxPoints: 6, answered: true, autoGraded: false },
    { score: null, maxPoints: 6, answered: false, autoGraded: false },
  ]);
  assert.deepEqual(summary, {
    autoEarned: 2.5,
    autoPossible: 5,
    awaitingCount: 2,
    awaitingPoints: 12,
    unansweredCount: 2,
  });
  assert.equal(describeScore(summary), "2.5 of 5 auto-graded points, 2 answers awaiting feedback");
  assert.equal(describeScore({ ...summary, awaitingCount: 0 }), "2.5 of 5 auto-graded points");
});
