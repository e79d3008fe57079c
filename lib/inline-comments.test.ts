import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentText, validInlineComments } from "./inline-comments";

const text = "The article hedges: it says may and could.";

test("comments that no longer match their words, run past the text, or overlap are dropped", () => {
  const kept = validInlineComments(text, [
    { start: 28, end: 31, quote: "may", text: "Good catch." },
    { start: 4, end: 11, quote: "article", text: "Which one?" },
    { start: 5, end: 12, quote: "rticle ", text: "Overlaps." },
    { start: 36, end: 60, quote: "could.", text: "Past the end." },
    { start: 0, end: 3, quote: "An ", text: "Changed text." },
  ]);
  assert.deepEqual(
    kept.map((c) => c.quote),
    ["article", "may"],
  );
});

test("the text is cut into plain and commented runs, in order", () => {
  const kept = validInlineComments(text, [
    { start: 4, end: 11, quote: "article", text: "a" },
    { start: 28, end: 31, quote: "may", text: "b" },
  ]);
  assert.deepEqual(segmentText(text, kept), [
    { text: "The " },
    { text: "article", comment: 0 },
    { text: " hedges: it says " },
    { text: "may", comment: 1 },
    { text: " and could." },
  ]);
});
