import { test } from "node:test";
import assert from "node:assert/strict";
import { countBySentence, heatDescription, sentenceHeat } from "./class-marks";
import { markTagLabel, passageTextModel } from "./marks";

const counts = (claim = 0, evidence = 0, opinion = 0, question = 0) => ({ claim, evidence, opinion, question });

test("the shade follows the most used tag's share of the class", () => {
  assert.equal(sentenceHeat(undefined, 30).level, 0);
  assert.equal(sentenceHeat(counts(), 30).level, 0);
  assert.equal(sentenceHeat(counts(1), 30).level, 1);
  assert.equal(sentenceHeat(counts(0, 8), 30).level, 2);
  assert.equal(sentenceHeat(counts(0, 8, 15), 30).level, 3);
  assert.equal(sentenceHeat(counts(0, 0, 23), 30).level, 4);
  assert.equal(sentenceHeat(counts(2), 0).level, 1, "an emptied class still shows that someone marked it");
});

test("tags are listed most used first, ties in the tags' order", () => {
  assert.deepEqual(
    sentenceHeat(counts(2, 5, 5, 1), 30).tags.map((t) => t.tag),
    ["evidence", "opinion", "claim", "question"],
  );
});

test("a class split between evidence and opinion is named; a stray mark is not a split", () => {
  assert.equal(sentenceHeat(counts(0, 12, 10), 30).split, true);
  assert.equal(sentenceHeat(counts(0, 12, 1), 30).split, false);
  assert.equal(sentenceHeat(counts(0, 1, 1), 4).split, false, "one student each is not a split");
  assert.equal(sentenceHeat(counts(9, 0, 9), 30).split, false, "claim and opinion is not the confusion named");
});

test("the description says the numbers in words", () => {
  const label = (t: keyof typeof markTagLabel) => markTagLabel[t];
  assert.equal(heatDescription(sentenceHeat(undefined, 3), label), "Nobody marked this sentence.");
  assert.equal(
    heatDescription(sentenceHeat(counts(0, 12, 10), 30), label),
    "12 students tagged it Evidence, 10 Opinion. The class is split between evidence and opinion.",
  );
  assert.equal(heatDescription(sentenceHeat(counts(1), 30), label), "1 student tagged it Claim.");
});

test("each student counts once per sentence and tag, on every sentence their words touch", () => {
  const model = passageTextModel([
    {
      id: "p1",
      sentences: [
        { id: "s1", text: "One." },
        { id: "s2", text: "Two." },
      ],
    },
    { id: "p2", sentences: [{ id: "s3", text: "Three." }] },
  ]);
  const passages = new Map([["passage", { model }]]);
  const at = (words: string) => ({ start: model.text.indexOf(words), end: model.text.indexOf(words) + words.length });
  const counts = countBySentence(passages, [
    { userId: "a", passageId: "passage", tag: "claim", ...at("One. Two.") },
    { userId: "a", passageId: "passage", tag: "claim", ...at("Two") }, // a's second claim on s2: still one
    { userId: "a", passageId: "passage", tag: "opinion", ...at("Two") },
    { userId: "b", passageId: "passage", tag: "claim", ...at("Two.") },
    { userId: "c", passageId: "passage", tag: "claim", start: null, end: null }, // not placed: nowhere
    { userId: "d", passageId: "gone", tag: "claim", start: 0, end: 3 }, // a passage not given: nowhere
  ]);
  assert.deepEqual(counts, {
    s1: { claim: 1, evidence: 0, opinion: 0, question: 0 },
    s2: { claim: 2, evidence: 0, opinion: 1, question: 0 },
  });
});
