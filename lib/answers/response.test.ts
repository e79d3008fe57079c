import { test } from "node:test";
import assert from "node:assert/strict";
import { questionSchema, type QuestionContent } from "@/content/schema";
import { ANSWER_UNREADABLE_TEXT, citedSentencesSchema, isAnswered, responseSchema } from "./response";

const base = { passage: "p", kind: "comprehension" as const, prompt: "?" };
const q = (raw: object) => questionSchema.parse({ ...base, ...raw }) as QuestionContent;
const opt = (id: string, correct: boolean) => ({ id, text: id, correct, explanation: "because" });
const sentences = new Set(["p01-s1", "p01-s2"]);

const single = q({ id: "s", type: "single_choice", points: 1, options: [opt("a", false), opt("b", true)] });
const evidence = q({
  id: "e",
  type: "evidence",
  points: 2,
  keySentences: ["p01-s1"],
  maxSelections: 1,
  explanation: "x",
});
const open = q({
  id: "o",
  type: "open_response",
  points: 2,
  exemplar: "x",
  maxLength: 50,
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

function messages(schema: ReturnType<typeof responseSchema>, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

test("an option that is not the question's is refused", () => {
  assert.deepEqual(messages(responseSchema(single, sentences), { type: "single_choice", optionId: "b" }), []);
  assert.deepEqual(messages(responseSchema(single, sentences), { type: "single_choice", optionId: "z" }), [
    "That is not one of this question's options.",
  ]);
});

test("a sentence outside the passage, or too many, is refused", () => {
  assert.deepEqual(messages(responseSchema(evidence, sentences), { type: "evidence", sentenceIds: ["p09-s1"] }), [
    "That sentence is not in this passage.",
  ]);
  assert.deepEqual(
    messages(responseSchema(evidence, sentences), { type: "evidence", sentenceIds: ["p01-s1", "p01-s2"] }),
    ["Choose at most 1 sentences."],
  );
  assert.ok(citedSentencesSchema(sentences).safeParse(["p01-s1", "p01-s1"]).error);
});

test("a text over the question's limit is refused", () => {
  assert.deepEqual(messages(responseSchema(open, sentences), { type: "open_response", text: "x".repeat(51) }), [
    "Keep the answer to 50 characters.",
  ]);
});

test("a response shaped for another type, or with extra fields, is refused", () => {
  assert.ok(messages(responseSchema(single, sentences), { type: "short_answer", text: "b" }).length > 0);
  assert.ok(
    messages(responseSchema(single, sentences), { type: "single_choice", optionId: "b", role: "instructor" }).length >
      0,
  );
});

test("blank answers are not answered", () => {
  assert.equal(isAnswered({ type: "open_response", text: "  \n " }), false);
  assert.equal(isAnswered({ type: "single_choice", optionId: null }), false);
  assert.equal(isAnswered({ type: "evidence", sentenceIds: ["p01-s1"] }), true);
});

test("control characters in an answer's text are refused with a message; tab, CR and LF are kept", () => {
  const short = q({
    id: "sa",
    type: "short_answer",
    points: 1,
    acceptedAnswers: ["half"],
    explanation: "x",
    maxLength: 100,
  });
  for (const [schema, type] of [
    [responseSchema(short, sentences), "short_answer"],
    [responseSchema(open, sentences), "open_response"],
  ] as const) {
    for (const bad of ["a\u0000b", "a\u000bb", "a\u001b[31mb", "a\u007fb"]) {
      assert.deepEqual(messages(schema, { type, text: bad }), [ANSWER_UNREADABLE_TEXT], JSON.stringify(bad));
    }
    assert.deepEqual(messages(schema, { type, text: "one\ttwo\r\nthree\nfour" }), []);
  }
});
