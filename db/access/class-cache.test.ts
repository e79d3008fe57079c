import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { freshAppDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { answers, attempts, questions, users } from "@/db/schema";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import type { Actor } from "@/lib/actor";
import { saveDraft, submitLesson } from "./answers";
import { assignLesson, createClass, getClass, joinClass, removeStudent } from "./classes";
import { markFeedbackRead } from "./my-feedback";
import { getReviewQueue } from "./review";
import { getGradebook } from "./gradebook";
import { overrideGrade, returnFeedback, saveFeedbackDraft, undoReturn } from "./feedback";
import { updateProfile } from "./users";
import { classVersion, forgetClassCache } from "./internal/class-cache";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
const LESSON = "bike-lane-vote";

const person = (role: Actor["role"], name?: string) => insertPerson(db, role, name);

async function answerAndSubmit(student: Actor, classId: string, text: string) {
  await saveDraft(student, {
    lessonSlug: LESSON,
    questionKey: "fair-reporting",
    contextKey: classId,
    response: { type: "open_response", text },
    citedSentences: ["p02-s1"],
  });
  await saveDraft(student, {
    lessonSlug: LESSON,
    questionKey: "vote-count",
    contextKey: classId,
    response: { type: "single_choice", optionId: "b" },
  });
  await submitLesson(student, LESSON, classId);
}

test("the instructor's cached review queue and gradebook are never older than the database, after any change they show", async () => {
  const teacher = await person("instructor");
  const { id: classId } = await createClass(teacher, { name: "Class" });
  const joinCode = async () => (await getClass(teacher, classId)).teaching!.joinCode;
  const views = async () => ({
    gradebook: await getGradebook(teacher, classId),
    review: await getReviewQueue(teacher, classId),
    anonymous: await getReviewQueue(teacher, classId, { anonymous: true }),
    roster: (await getClass(teacher, classId)).teaching!.roster,
  });
  /** After each change: what the cache gives equals what the database gives afresh, and the class's version moved. */
  const afterChange = async (what: string, change: () => Promise<unknown>) => {
    const cached = await views();
    const before = await classVersion(classId);
    await change();
    assert.ok((await classVersion(classId)) > before, `${what}: the class's version moves`);
    const served = await views();
    forgetClassCache();
    assert.deepEqual(served, await views(), `${what}: the cache gives what the database has`);
    assert.notDeepEqual(cached, served, `${what}: the pages show the change`);
  };

  await afterChange("a lesson is assigned", () =>
    assignLesson(teacher, { classId, lessonSlug: LESSON, dueAt: null, showAnswersAfterSubmit: true }),
  );
  const student = await person("student");
  await afterChange("a student joins", async () => joinClass(student, await joinCode()));

  // A draft of a lesson not yet submitted shows on neither page, so typing does not empty the cache.
  const unchanged = await classVersion(classId);
  const hit = await getGradebook(teacher, classId);
  await saveDraft(student, {
    lessonSlug: LESSON,
    questionKey: "fair-reporting",
    contextKey: classId,
    response: { type: "open_response", text: "A first thought." },
  });
  assert.equal(await classVersion(classId), unchanged);
  assert.equal(await getGradebook(teacher, classId), hit, "the same entry, not computed again");

  await afterChange("the student submits", () => answerAndSubmit(student, classId, "Each side gets one quote."));
  const answerId = (await getReviewQueue(teacher, classId)).current!.items[0]!.answerId;
  await afterChange("the instructor saves a draft of feedback", () =>
    saveFeedbackDraft(teacher, { classId, answerId, rubricLevels: { evidence: 2, reasoning: 0 }, comment: "Good." }),
  );
  await afterChange("the instructor returns it", () => returnFeedback(teacher, { classId, answerIds: [answerId] }));
  await afterChange("the instructor takes the return back", () => undoReturn(teacher, { classId, answerId }));
  await afterChange("the instructor returns it again", () =>
    returnFeedback(teacher, { classId, answerIds: [answerId] }),
  );
  await afterChange("the student reads it", () => markFeedbackRead(student));
  const [choice] = await db
    .select({ id: answers.id })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(and(eq(attempts.userId, student.userId), eq(questions.key, "vote-count")));
  await afterChange("the instructor overrides an automatic grade and returns it", async () => {
    await overrideGrade(teacher, { classId, answerId: choice!.id, points: 1, reason: "The question was ambiguous." });
    await returnFeedback(teacher, { classId, answerIds: [choice!.id] });
  });
  await afterChange("a re-import rewords a question", () =>
    db
      .update(questions)
      .set({ prompt: "How did the council vote on the trial?" })
      .where(eq(questions.key, "vote-count")),
  );
  await afterChange("the student renames themself", () => updateProfile(student, { name: "Renamed Student" }));
  await afterChange("the student's email changes", () =>
    db.update(users).set({ email: "renamed@test" }).where(eq(users.id, student.userId)),
  );
  const late = await person("student");
  await afterChange("a second student joins and submits", async () => {
    await joinClass(late, await joinCode());
    await answerAndSubmit(late, classId, "Late, but careful.");
  });
  await afterChange("the instructor removes a student", () => removeStudent(teacher, classId, late.userId));
});

test("another class's changes leave a class's cache alone", async () => {
  const teacher = await person("instructor");
  const { id: quiet } = await createClass(teacher, { name: "Quiet" });
  const { id: busy } = await createClass(teacher, { name: "Busy" });
  for (const id of [quiet, busy])
    await assignLesson(teacher, { classId: id, lessonSlug: LESSON, dueAt: null, showAnswersAfterSubmit: true });
  const before = await classVersion(quiet);
  const entry = await getGradebook(teacher, quiet);
  const student = await person("student");
  await joinClass(student, (await getClass(teacher, busy)).teaching!.joinCode);
  await answerAndSubmit(student, busy, "Busy class answer.");
  assert.equal(await classVersion(quiet), before);
  assert.equal(await getGradebook(teacher, quiet), entry);
});

test("the class page's roster counts a draft at once, while the review queue's entry stays kept", async () => {
  const teacher = await person("instructor");
  const { id: classId } = await createClass(teacher, { name: "Drafting" });
  await assignLesson(teacher, { classId, lessonSlug: LESSON, dueAt: null, showAnswersAfterSubmit: true });
  const student = await person("student");
  await joinClass(student, (await getClass(teacher, classId)).teaching!.joinCode);
  const progress = async () => (await getClass(teacher, classId)).teaching!.roster[0]!.lessons[0]!.description;
  const before = await progress();
  const queue = await getReviewQueue(teacher, classId);
  const draft = (text: string) =>
    saveDraft(student, {
      lessonSlug: LESSON,
      questionKey: "fair-reporting",
      contextKey: classId,
      response: { type: "open_response", text },
    });
  await draft("A first thought.");
  const afterFirst = await progress();
  assert.notEqual(afterFirst, before, "a new answer shows in the roster at once");
  await draft("   ");
  const emptied = await progress();
  assert.equal(emptied, before, "an answer emptied again is no longer counted");
  assert.equal(await getReviewQueue(teacher, classId), queue, "drafts leave the review queue's entry kept");
  forgetClassCache();
  assert.equal(await progress(), emptied, "the kept roster is what the database gives afresh");
});
