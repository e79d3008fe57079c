import { test } from "node:test";
import assert from "node:assert/strict";
import { shortAnswerForms, shortAnswerMatches } from "./short-answer";

test("numbers keep their value however they are written", () => {
  for (const [a, b] of [
    ["84,000,000", "84 million"],
    ["$84m", "84 million USD"],
    ["eighty-four million", "84 million"],
    ["one hundred forty-four", "144"],
    ["one hundred and forty-four", "144"],
    ["2 700", "2700"],
    ["half", "50%"],
    ["90 per cent", "90"],
  ])
    assert.ok(shortAnswerMatches(a!, [b!]), `${a} = ${b}`);
  for (const [a, b] of [
    ["2.5", "25"],
    ["-3", "3"],
    ["a quarter", "half"],
    ["84 billion", "84 million"],
    ["4 80", "84"],
  ])
    assert.ok(!shortAnswerMatches(a!, [b!]), `${a} ≠ ${b}`);
});

test("words the answer does not depend on are set aside, and the others may come in any order", () => {
  assert.deepEqual(shortAnswerForms("In the U.S."), ["us"]);
  assert.deepEqual(shortAnswerForms("Human Rights Watch (HRW)"), [
    "human rights watch",
    "hrw",
    "hrw human rights watch",
  ]);
  assert.ok(shortAnswerMatches("colonel in the Tajik special forces", ["Tajik Special Forces Colonel"]));
  assert.ok(!shortAnswerMatches("lieutenant colonel", ["colonel"]));
  assert.ok(!shortAnswerMatches("", ["colonel"]), "nothing written is never right");
  assert.ok(!shortAnswerMatches("about the", ["the"]), "nor is nothing but ignored words");
});
