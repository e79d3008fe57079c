import { test } from "node:test";
import assert from "node:assert/strict";
import { describeModes, speaks } from "./voices";

test("summarises how a voice reaches the reader, most direct first", () => {
  assert.equal(describeModes(["paraphrased", "quoted", "quoted"]), "Quoted directly twice, paraphrased once.");
  assert.equal(describeModes(["reported", "reported", "reported"]), "Reported second-hand 3 times.");
  assert.equal(describeModes([]), "");
});

test("the outlet's own words are a voice; being spoken about is not", () => {
  assert.equal(
    describeModes(["mentioned", "narrated", "mentioned"]),
    "In the outlet's own words once, spoken about twice.",
  );
  assert.equal(speaks("narrated"), true);
  assert.equal(speaks("mentioned"), false);
});
