import { test } from "node:test";
import assert from "node:assert/strict";
import { countWords, normaliseWhitespace, readingMinutes, wholeWordPattern } from "./text";

test("whitespace is collapsed and trimmed", () => {
  assert.equal(normaliseWhitespace("  a\n\tb   c "), "a b c");
});

test("words are counted with numbers, money and contractions as one word each", () => {
  assert.equal(countWords("Per capita income is around $2,700 a year, Rahmon's."), 9);
  assert.equal(countWords("   "), 0);
});

test("reading time is at least a minute and rounds to the nearest minute", () => {
  assert.equal(readingMinutes(0), 1);
  assert.equal(readingMinutes(1000), 5);
  assert.equal(readingMinutes(1099), 5);
  assert.equal(readingMinutes(1100), 6);
});

test("whole-word patterns do not match inside longer words and prefer the longest form", () => {
  const p = wholeWordPattern(["IS", "Islamic State", "Islamic"]);
  assert.deepEqual("ISIS joined IS; the Islamic State and Islamic law".match(p), ["IS", "Islamic State", "Islamic"]);
});
