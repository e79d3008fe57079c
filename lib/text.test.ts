import { test } from "node:test";
import assert from "node:assert/strict";
import { countWords, normaliseWhitespace, readingMinutes, truncateAtWord, wholeWordPattern } from "./text";

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

test("long text is cut at a whole word within the limit, with an ellipsis and no dangling comma", () => {
  assert.equal(truncateAtWord("Short  enough.\n", 20), "Short enough.");
  assert.equal(truncateAtWord("Officials in Dushanbe, the capital, said so", 24), "Officials in Dushanbe…");
  const cut = truncateAtWord("Gulmurod Khalimov once commanded Tajikistan's special police.", 30);
  assert.equal(cut, "Gulmurod Khalimov once…");
  assert.ok(cut.length <= 30);
});

test("a word longer than half the limit is cut through, never through an emoji", () => {
  assert.equal(truncateAtWord("x".repeat(60), 48), `${"x".repeat(47)}…`);
  const emoji = `${"a".repeat(8)}\u{1F375}tea`;
  assert.equal(truncateAtWord(emoji, 10), `${"a".repeat(8)}…`, "the emoji's two halves stay together or go");
});
