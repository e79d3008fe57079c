import { test } from "node:test";
import assert from "node:assert/strict";
import { questionSchema, type QuestionContent } from "@/content/schema";
import { completionOverTime, mostOftenWrong, questionInsights, type InsightAnswer } from "./insights";

const base = { passage: "p", kind: "comprehension" as const, prompt: "?" };
const opt = (id: string, correct: boolean) => ({ id, text: id.toUpperCase(), correct, explanation: "e" });
const questions = [
  {
    key: "one",
    content: questionSchema.parse({
      ...base,
      id: "one",
      type: "single_choice",
      points: 1,
      options: [opt("a", true), opt("b", false)],
    }) as QuestionContent,
  },
  {
    key: "two",
    content: questionSchema.parse({
      ...base,
      id: "two",
      type: "short_answer",
      points: 1,
      acceptedAnswers: ["x"],
      explanation: "e",
    }) as QuestionContent,
  },
  {
    key: "open",
    content: questionSchema.parse({
      ...base,
      id: "open",
      type: "open_response",
      points: 3,
      exemplar: "e",
      rubric: [
        {
          id: "c",
          name: "C",
          levels: [
            { points: 0, label: "0", description: "d" },
            { points: 1, label: "1", description: "d" },
            { points: 3, label: "3", description: "d" },
          ],
        },
      ],
    }) as QuestionContent,
  },
];
const answers: InsightAnswer[] = [
  { questionKey: "one", response: { type: "single_choice", optionId: "a" }, autoScore: 1, rubricLevels: null },
  { questionKey: "one", response: { type: "single_choice", optionId: "b" }, autoScore: 0, rubricLevels: null },
  { questionKey: "one", response: { type: "single_choice", optionId: "a" }, autoScore: 1, rubricLevels: null },
  { questionKey: "two", response: { type: "short_answer", text: "y" }, autoScore: 0, rubricLevels: null },
  { questionKey: "open", response: { type: "open_response", text: "t" }, autoScore: null, rubricLevels: { c: 3 } },
  { questionKey: "open", response: { type: "open_response", text: "t" }, autoScore: null, rubricLevels: { c: 0 } },
  { questionKey: "open", response: { type: "open_response", text: "t" }, autoScore: null, rubricLevels: null },
];

test("share correct, option counts and average rubric levels on a small class", () => {
  const [one, two, open] = questionInsights(questions, answers);
  assert.equal(one!.shareCorrect, 2 / 3);
  assert.deepEqual(
    one!.options.map((o) => [o.id, o.count]),
    [
      ["a", 2],
      ["b", 1],
    ],
  );
  assert.equal(two!.shareCorrect, 0);
  assert.equal(open!.shareCorrect, null);
  assert.deepEqual(open!.criteria, [{ id: "c", name: "C", average: 1.5, max: 3, reviewed: 2 }]);
  assert.deepEqual(
    mostOftenWrong([one!, two!, open!]).map((q) => q.key),
    ["two", "one"],
  );
});

test("completion over time counts submissions per day with a running total", () => {
  const d = (s: string) => new Date(s);
  assert.deepEqual(completionOverTime([d("2026-01-02T10:00Z"), d("2026-01-01T09:00Z"), d("2026-01-02T23:00Z")]), [
    { day: "2026-01-01", count: 1, cumulative: 1 },
    { day: "2026-01-02", count: 2, cumulative: 3 },
  ]);
});
