import { test } from "node:test";
import assert from "node:assert/strict";
import { nextStep, tallyPassageWork, type PassageWork } from "./progress";

const passages = [
  { id: "p1", key: "one", title: "One" },
  { id: "p2", key: "two", title: "Two" },
  { id: "p3", key: "three", title: "Three" },
];
const questions = [
  { id: "q1", passageId: "p1", openResponse: false },
  { id: "q2", passageId: "p1", openResponse: true },
  { id: "q3", passageId: "p2", openResponse: false },
  { id: "q4", passageId: "p3", openResponse: true },
];

test("passage tallies count answers, feedback returned and unread, and what awaits an instructor once submitted", () => {
  const work = tallyPassageWork(passages, questions, {
    answered: new Set(["q1", "q2", "q4"]),
    returned: new Set(["q2"]),
    unread: new Set(["q2"]),
    submitted: true,
  });
  assert.deepEqual(work, [
    { key: "one", title: "One", answered: 2, total: 2, feedbackReturned: 1, feedbackUnread: 1, awaitingFeedback: 0 },
    { key: "two", title: "Two", answered: 0, total: 1, feedbackReturned: 0, feedbackUnread: 0, awaitingFeedback: 0 },
    {
      key: "three",
      title: "Three",
      answered: 1,
      total: 1,
      feedbackReturned: 0,
      feedbackUnread: 0,
      awaitingFeedback: 1,
    },
  ]);
  const draft = tallyPassageWork(passages, questions, {
    answered: new Set(["q4"]),
    returned: new Set(),
    unread: new Set(),
    submitted: false,
  });
  assert.equal(draft[2]!.awaitingFeedback, 0, "nothing awaits feedback before submitting");
});

const w = (answered: number[], totals = [2, 1, 1]): PassageWork[] =>
  answered.map((a, i) => ({
    key: `k${i}`,
    title: `T${i}`,
    answered: a,
    total: totals[i]!,
    feedbackReturned: 0,
    feedbackUnread: 0,
    awaitingFeedback: 0,
  }));

test("Continue goes to the first passage with a question left, skipping ones already done", () => {
  assert.deepEqual(nextStep(w([0, 0, 0]), { submitted: false, inClass: true }), {
    kind: "start",
    passageKey: "k0",
    passageTitle: "T0",
  });
  assert.deepEqual(nextStep(w([2, 0, 1]), { submitted: false, inClass: true }), {
    kind: "continue",
    passageKey: "k1",
    passageTitle: "T1",
  });
  assert.deepEqual(nextStep(w([1, 1, 1]), { submitted: false, inClass: false }), {
    kind: "continue",
    passageKey: "k0",
    passageTitle: "T0",
  });
  // A passage without questions is never "unfinished".
  assert.deepEqual(nextStep(w([2, 0, 0], [2, 0, 1]), { submitted: false, inClass: true }), {
    kind: "continue",
    passageKey: "k2",
    passageTitle: "T2",
  });
});

test("with everything answered Continue goes to the summary, and after submitting to the results", () => {
  assert.deepEqual(nextStep(w([2, 1, 1]), { submitted: false, inClass: true }), {
    kind: "summary",
    label: "Review and submit",
  });
  assert.deepEqual(nextStep(w([2, 1, 1]), { submitted: false, inClass: false }), {
    kind: "summary",
    label: "See your summary",
  });
  assert.deepEqual(nextStep(w([1, 0, 0]), { submitted: true, inClass: true }), {
    kind: "summary",
    label: "See your results and feedback",
  });
  assert.equal(nextStep([], { submitted: false, inClass: false }), null);
});
