import { test } from "node:test";
import assert from "node:assert/strict";
import { describeReturn, nextToReview, unscoredMessage } from "./return-rules";

test("after a return the workbench goes to the next answer needing review, wrapping round", () => {
  assert.equal(nextToReview(["returned", "needs-review", "needs-review"], 1), 2);
  assert.equal(nextToReview(["needs-review", "returned", "returned"], 1), 0);
  assert.equal(nextToReview(["draft", "returned", "needs-review"], 0), 2);
});

test("with nothing needing review it goes to a reviewed answer not yet returned, else nowhere", () => {
  assert.equal(nextToReview(["returned", "draft", "returned"], 2), 1);
  assert.equal(nextToReview(["returned", "returned"], 0), null);
  assert.equal(nextToReview(["returned"], 0), null);
});

test("a return that left answers unscored says which, by name where known", () => {
  assert.equal(describeReturn(1, []), "1 answer returned to its student.");
  const names: Record<string, string> = { a1: "Ben Lindqvist" };
  assert.equal(
    describeReturn(
      2,
      [
        { answerId: "a1", missing: ["Use of evidence"] },
        { answerId: "x", missing: ["Claim"] },
        { answerId: "y", missing: ["Claim"] },
      ],
      (id) => names[id],
    ),
    "2 answers returned to their students. Not returned, because the rubric is not fully scored: Ben Lindqvist: score “Use of evidence”; 2 answers on other questions.",
  );
  assert.match(
    describeReturn(0, [{ answerId: "a1", missing: ["A", "B"] }], (id) => names[id]),
    /^0 answers returned.*Ben Lindqvist: score “A” and “B”\.$/,
  );
});

test("one answer kept back names the criteria to score", () => {
  assert.equal(
    unscoredMessage(["Use of evidence", "Reasoning"]),
    "Not returned: score “Use of evidence” and “Reasoning” first, so the student gets the whole rubric.",
  );
});
