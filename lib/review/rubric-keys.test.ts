import { test } from "node:test";
import assert from "node:assert/strict";
import { describeLevelKeys, levelForKey, levelKeys, missingCriteria, quotedList } from "./rubric-keys";

const zeroToThree = [0, 1, 2, 3].map((points) => ({ points }));

test("a 0–3 rubric is keyed by its points: the key pressed is the number read", () => {
  assert.deepEqual(levelKeys(zeroToThree), ["0", "1", "2", "3"]);
  assert.equal(levelForKey(zeroToThree, "0"), 0);
  assert.equal(levelForKey(zeroToThree, "3"), 3);
  assert.equal(levelForKey(zeroToThree, "4"), -1);
  assert.equal(describeLevelKeys(zeroToThree), "0 to 3");
});

test("points that are not one distinct digit each fall back to the level's place, from 1", () => {
  assert.deepEqual(levelKeys([0, 5, 10].map((points) => ({ points }))), ["1", "2", "3"]);
  assert.deepEqual(levelKeys([1, 1].map((points) => ({ points }))), ["1", "2"]);
  assert.deepEqual(levelKeys([0, 2, 4].map((points) => ({ points }))), ["0", "2", "4"]);
  assert.equal(describeLevelKeys([0, 2, 4].map((points) => ({ points }))), "0, 2, 4");
});

test("missing criteria are named in the rubric's order", () => {
  const rubric = [
    { id: "a", name: "Claim" },
    { id: "b", name: "Evidence" },
    { id: "c", name: "Reasoning" },
  ];
  assert.deepEqual(
    missingCriteria(rubric, { b: 0 }).map((c) => c.name),
    ["Claim", "Reasoning"],
  );
  assert.deepEqual(missingCriteria(rubric, { a: 1, b: 0, c: 3 }), []);
  assert.equal(quotedList(["Claim"]), "“Claim”");
  assert.equal(quotedList(["Claim", "Evidence", "Reasoning"]), "“Claim”, “Evidence” and “Reasoning”");
});
