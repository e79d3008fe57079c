import { test } from "node:test";
import assert from "node:assert/strict";
import { shortTitle } from "./question-title";

test("a short prompt is its own title; a long one is cut at a word, with an ellipsis", () => {
  assert.equal(shortTitle("Who trained Khalimov?"), "Who trained Khalimov?");
  assert.equal(
    shortTitle("Why might the headline overstate the risk? Use the article's words."),
    "Why might the headline overstate the risk?",
  );
  assert.equal(
    shortTitle(
      "Explain, in your own words, what the reporter's question to the State Department was meant to show about the programme",
      48,
    ),
    "Explain, in your own words, what the reporter's…",
  );
  assert.ok(shortTitle("x".repeat(100)).length <= 49);
});
