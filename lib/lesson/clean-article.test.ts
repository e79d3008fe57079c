import { test } from "node:test";
import assert from "node:assert/strict";
import { articleBodyParagraphs, isClutter } from "./clean-article";

test("recognises the clutter that web pages paste into article text", () => {
  for (const line of [
    '[ooyalacontent_id="V5NW" player_id="YjMw" auto_play="1"]',
    "Related: Tajikistan's Radical Approach on Returning Islamic State Fighters",
    "Follow John Dyer on Twitter: @johnjdyerjr",
    "Watch the VICE News film How the US Created the Islamic State",
    "This story is over 5 years old.",
  ]) {
    assert.ok(isClutter(line), line);
  }
  assert.ok(!isClutter("Related parties met in Moscow."));
  assert.ok(!isClutter('"A lot of vodka was drunk," Lemon said.'));
});

test("keeps the body paragraphs in order, without the header lines", () => {
  const raw =
    "This story is over 5 years old.\n\n\nHeadline\n\nDek line\nPhoto by Someone\n\nFirst paragraph.\n\nRelated: elsewhere\nSecond paragraph.\n";
  assert.deepEqual(articleBodyParagraphs(raw, ["Headline", "Dek line", "Photo by Someone"]), [
    "First paragraph.",
    "Second paragraph.",
  ]);
});
