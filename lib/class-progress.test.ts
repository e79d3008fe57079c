import { test } from "node:test";
import assert from "node:assert/strict";
import { describeLessonProgress, lessonProgressState, type LessonProgressFacts } from "./class-progress";

const none: LessonProgressFacts = {
  answered: 0,
  questions: 42,
  submitted: false,
  awaitingFeedback: 0,
  feedbackReturned: 0,
};

test("nothing answered is not started, even with an attempt opened", () => {
  assert.equal(lessonProgressState(none), "not-started");
  assert.equal(describeLessonProgress(none), "Not started");
});

test("answers saved but not submitted are in progress, with how far", () => {
  const f = { ...none, answered: 5 };
  assert.equal(lessonProgressState(f), "in-progress");
  assert.equal(describeLessonProgress(f), "In progress, 5 of 42 answered");
});

test("submitted while written answers await feedback, or when there is none to give", () => {
  assert.equal(lessonProgressState({ ...none, answered: 40, submitted: true, awaitingFeedback: 2 }), "submitted");
  assert.equal(
    describeLessonProgress({ ...none, answered: 40, submitted: true, awaitingFeedback: 1 }),
    "Submitted, 1 answer awaits feedback",
  );
  assert.equal(
    describeLessonProgress({ ...none, answered: 40, submitted: true, awaitingFeedback: 2, feedbackReturned: 1 }),
    "Submitted, 2 answers await feedback, 1 returned",
  );
  // Only automatically graded answers: submitted is where it ends.
  assert.equal(describeLessonProgress({ ...none, answered: 40, submitted: true }), "Submitted");
  // Submitted with nothing answered is still submitted.
  assert.equal(lessonProgressState({ ...none, submitted: true }), "submitted");
});

test("feedback returned once returned and nothing awaits it", () => {
  const f = { ...none, answered: 42, submitted: true, feedbackReturned: 3 };
  assert.equal(lessonProgressState(f), "feedback-returned");
  assert.equal(describeLessonProgress(f), "Feedback returned");
  assert.equal(lessonProgressState({ ...f, awaitingFeedback: 1 }), "submitted");
  // Feedback on an unsubmitted attempt cannot exist, but would not make it returned.
  assert.equal(lessonProgressState({ ...none, answered: 3, feedbackReturned: 1 }), "in-progress");
});
