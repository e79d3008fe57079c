import { test } from "node:test";
import assert from "node:assert/strict";
import type { QuestionContent } from "@/content/schema";
import { correctAnswerFor } from "./correct-answer";

const base = { id: "q", passage: "p", kind: "comprehension" as const, prompt: "?", points: 1 };
const choice: QuestionContent = {
  ...base,
  type: "single_choice",
  options: [
    { id: "a", text: "2 to 5 in favour", correct: false, explanation: "." },
    { id: "b", text: "2 to 5 against", correct: true, explanation: "." },
  ],
};

test("a wrong or part-right automatic answer shows what was right; a right one shows nothing", () => {
  assert.equal(correctAnswerFor(choice, 0), "2 to 5 against");
  assert.equal(correctAnswerFor(choice, 1), null);
  assert.equal(correctAnswerFor(choice, null), null, "not graded yet");
  const multi: QuestionContent = {
    ...base,
    points: 2,
    type: "multiple_select",
    options: [
      { id: "a", text: "A", correct: true, explanation: "." },
      { id: "b", text: "B", correct: false, explanation: "." },
      { id: "c", text: "C", correct: true, explanation: "." },
    ],
  };
  assert.equal(correctAnswerFor(multi, 1.5), "A · C");
  const short: QuestionContent = {
    ...base,
    type: "short_answer",
    acceptedAnswers: ["US", "United States"],
    explanation: ".",
    maxLength: 80,
  };
  assert.equal(correctAnswerFor(short, 0), "US / United States");
  const evidence: QuestionContent = { ...base, type: "evidence", keySentences: ["s1"], explanation: "." };
  assert.equal(correctAnswerFor(evidence, 0, new Map([["s1", "It rained."]])), "“It rained.”");
});
