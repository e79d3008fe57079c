import { test } from "node:test";
import assert from "node:assert/strict";
import { describeModes } from "./voices";

test("summarises how a voice reaches the reader, most direct first", () => {
  assert.equal(describeModes(["paraphrased", "quoted", "quoted"]), "Quoted directly twice, paraphrased once.");
  assert.equal(describeModes(["reported", "reported", "reported"]), "Reported second-hand 3 times.");
  assert.equal(describeModes([]), "");
});
