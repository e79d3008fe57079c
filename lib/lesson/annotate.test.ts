import { test } from "node:test";
import assert from "node:assert/strict";
import { annotatePassage } from "./annotate";

const paragraphs = [
  {
    id: "p1",
    sentences: [
      { id: "p1-s1", text: "Remittances from Tajik workers fund Tajikistan." },
      { id: "p1-s2", text: "Remittances matter, said Lemon." },
    ],
  },
  { id: "p2", sentences: [{ id: "p2-s1", text: "The Islamic State recruits. IS grows." }] },
];
const terms = [
  { key: "remittances", term: "remittances", aliases: ["Remittances"] },
  { key: "tajikistan", term: "Tajikistan", aliases: [] },
  { key: "islamic-state", term: "Islamic State", aliases: ["IS"] },
];

test("marks each term once per passage, at its first occurrence, in any listed form", () => {
  const [first, second] = annotatePassage(paragraphs, terms, []);
  assert.deepEqual(first!.sentences[0]!.segments, [
    { text: "Remittances", termKey: "remittances" },
    { text: " from Tajik workers fund " },
    { text: "Tajikistan", termKey: "tajikistan" },
    { text: "." },
  ]);
  assert.deepEqual(first!.sentences[1]!.segments, [{ text: "Remittances matter, said Lemon." }]);
  assert.deepEqual(second!.sentences[0]!.segments, [
    { text: "The " },
    { text: "Islamic State", termKey: "islamic-state" },
    { text: " recruits. IS grows." },
  ]);
});

test("does not mark a term inside a longer word", () => {
  const [p] = annotatePassage([{ id: "p", sentences: [{ id: "s", text: "Tajikistani crisis" }] }], terms, []);
  assert.deepEqual(p!.sentences[0]!.segments, [{ text: "Tajikistani crisis" }]);
});

test("records every voice that speaks in a sentence", () => {
  const voices = [
    { key: "lemon", appearances: [{ sentence: "p1-s2" }] },
    { key: "vice", appearances: [{ sentence: "p1-s2" }, { sentence: "p2-s1" }] },
  ];
  const [first, second] = annotatePassage(paragraphs, [], voices);
  assert.deepEqual(
    first!.sentences.map((s) => s.voiceKeys),
    [[], ["lemon", "vice"]],
  );
  assert.deepEqual(second!.sentences[0]!.voiceKeys, ["vice"]);
});
