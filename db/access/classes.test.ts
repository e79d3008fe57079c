/**
 * The class page's roster: where each student is with each assigned lesson, computed here for
 * the class's instructor only (a student of the class sees no roster; anyone else, no class).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshAppDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { saveDraft, submitLesson } from "./answers";
import { assignLesson, createClass, getClass, joinClass } from "./classes";
import { getReviewQueue } from "./review";
import { returnFeedback, saveFeedbackDraft } from "./feedback";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);

const person = (role: Actor["role"], name?: string) => insertPerson(db, role, name);

const lessonSlug = "bike-lane-vote";

test("the roster says, per student and lesson: not started, in progress, submitted, feedback returned", async () => {
  const teacher = await person("instructor", "Teacher");
  const { id: classId } = await createClass(teacher, { name: "Roster" });
  await assignLesson(teacher, { classId, lessonSlug, dueAt: null, showAnswersAfterSubmit: true });
  const code = (await getClass(teacher, classId)).teaching!.joinCode;
  const [nat, ivy, sam, rae] = await Promise.all(["Nat", "Ivy", "Sam", "Rae"].map((name) => person("student", name)));
  for (const s of [nat, ivy, sam, rae]) await joinClass(s!, code);
  const open = (s: Actor, text: string) =>
    saveDraft(s, {
      lessonSlug,
      questionKey: "fair-reporting",
      contextKey: classId,
      response: { type: "open_response", text },
    });
  // An empty draft is not a start.
  await saveDraft(nat!, {
    lessonSlug,
    questionKey: "fair-reporting",
    contextKey: classId,
    response: { type: "open_response", text: "   " },
  });
  await open(ivy!, "Half a thought");
  for (const s of [sam!, rae!]) {
    await open(s, `${s.name}'s reading.`);
    await submitLesson(s, lessonSlug, classId);
  }
  const raeAnswer = (await getReviewQueue(teacher, classId)).current!.items.find(
    (i) => i.studentName === "Rae",
  )!.answerId;
  await saveFeedbackDraft(teacher, {
    classId,
    answerId: raeAnswer,
    rubricLevels: { evidence: 1, reasoning: 2 },
    comment: "Good.",
  });
  const stateOf = async () =>
    Object.fromEntries(
      (await getClass(teacher, classId)).teaching!.roster.map((s) => [
        s.name,
        s.lessons.map((l) => [l.lessonSlug, l.state, l.description]),
      ]),
    );
  let states = await stateOf();
  assert.deepEqual(states.Nat, [[lessonSlug, "not-started", "Not started"]]);
  assert.equal(states.Ivy![0]![1], "in-progress");
  assert.match(states.Ivy![0]![2] as string, /^In progress, 1 of \d+ answered$/);
  assert.deepEqual(states.Sam, [[lessonSlug, "submitted", "Submitted, 1 answer awaits feedback"]]);
  assert.deepEqual(
    states.Rae,
    [[lessonSlug, "submitted", "Submitted, 1 answer awaits feedback"]],
    "a draft is not returned feedback",
  );

  await returnFeedback(teacher, { classId, answerIds: [raeAnswer] });
  states = await stateOf();
  assert.deepEqual(states.Rae, [[lessonSlug, "feedback-returned", "Feedback returned"]]);
  // Another class's work on the same lesson does not count here.
  const other = await person("instructor", "Other");
  const { id: otherClass } = await createClass(other, { name: "Elsewhere" });
  await assignLesson(other, { classId: otherClass, lessonSlug, dueAt: null, showAnswersAfterSubmit: true });
  await joinClass(nat!, (await getClass(other, otherClass)).teaching!.joinCode);
  await saveDraft(nat!, {
    lessonSlug,
    questionKey: "fair-reporting",
    contextKey: otherClass,
    response: { type: "open_response", text: "Elsewhere" },
  });
  assert.deepEqual((await stateOf()).Nat, [[lessonSlug, "not-started", "Not started"]]);

  // Only the class's instructor gets the roster; a student of the class gets the class without it; others get nothing.
  assert.equal((await getClass(sam!, classId)).teaching, null);
  await assert.rejects(getClass(other, classId), NotFoundError);
  await assert.rejects(getClass(null, classId), (e) => e instanceof ForbiddenError || e instanceof NotFoundError);
});
