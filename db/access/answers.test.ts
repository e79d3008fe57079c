import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { freshAppDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { answers, attempts } from "@/db/schema";
import { importLessonFolders, lessonsRoot } from "@/content/import";
import { listLessonFolders } from "@/content/load";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  checkAnswer,
  getLessonSummary,
  getWorkspace,
  listLessonProgress,
  saveDraft,
  SELF,
  submitLesson,
} from "./answers";
import { assignLesson, createClass, joinClass, leaveClass, getClass } from "./classes";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir, ...listLessonFolders(lessonsRoot)])).ok);

const person = (role: Actor["role"], name?: string) => insertPerson(db, role, name);

/** A student in a class that has the fixture lesson assigned; returns the student and the class id. */
async function studentInClass(showAnswersAfterSubmit = true) {
  const teacher = await person("instructor");
  const { id: classId } = await createClass(teacher, { name: "Class" });
  await assignLesson(teacher, { classId, lessonSlug: "bike-lane-vote", dueAt: null, showAnswersAfterSubmit });
  const student = await person("student");
  const detail = await getClass(teacher, classId);
  await joinClass(student, detail.teaching!.joinCode);
  return { student, classId, teacher };
}

const lesson = "bike-lane-vote";
const draft = (questionKey: string, response: unknown, contextKey: string, citedSentences?: unknown) => ({
  lessonSlug: lesson,
  questionKey,
  contextKey,
  response,
  citedSentences,
});

test("a student in a class answers every type, submits, and is graded once", async () => {
  const { student, classId } = await studentInClass();
  const ws = await getWorkspace(student, lesson);
  assert.equal(ws.context.mode, "class");
  assert.equal(ws.context.contextKey, classId);

  await saveDraft(student, draft("vote-count", { type: "single_choice", optionId: "a" }, classId));
  await saveDraft(student, draft("trial-facts", { type: "multiple_select", optionIds: ["six-months"] }, classId));
  await saveDraft(student, draft("spaces", { type: "short_answer", text: " Forty! " }, classId));
  await saveDraft(student, draft("who-objects", { type: "evidence", sentenceIds: ["p02-s3"] }, classId));
  await saveDraft(
    student,
    draft("fair-reporting", { type: "open_response", text: "One quote each." }, classId, ["p02-s1", "p02-s3"]),
  );

  const restored = await getWorkspace(student, lesson);
  assert.equal(restored.answeredCount, 5);
  assert.deepEqual(restored.answers["fair-reporting"]?.citedSentences, ["p02-s1", "p02-s3"]);
  // A passage page gets that passage's drafts only, with the lesson's counts.
  const onePassage = await getWorkspace(student, lesson, "the-vote");
  assert.deepEqual(Object.keys(onePassage.answers).sort(), ["spaces", "trial-facts", "vote-count"]);
  assert.equal(onePassage.answeredCount, 5);
  await assert.rejects(getWorkspace(student, lesson, "no-such-passage"), NotFoundError);

  const [first, second] = await Promise.all([
    submitLesson(student, lesson, classId),
    submitLesson(student, lesson, classId),
  ]);
  assert.deepEqual(
    [first.alreadySubmitted, second.alreadySubmitted].sort(),
    [false, true],
    "two submissions record one",
  );
  assert.equal((await db.select().from(attempts).where(eq(attempts.userId, student.userId))).length, 1);
  // 1 (vote) + 1 (one of two right options chosen, none wrong: half of 2) + 1 (forty) + 2 (evidence), of 6
  assert.deepEqual(first.score, {
    autoEarned: 5,
    autoPossible: 6,
    awaitingCount: 1,
    awaitingPoints: 4,
    unansweredCount: 0,
  });

  await assert.rejects(
    saveDraft(student, draft("vote-count", { type: "single_choice", optionId: "b" }, classId)),
    /has been submitted/,
  );
  const summary = await getLessonSummary(student, lesson);
  assert.equal(summary.items.find((i) => i.key === "fair-reporting")?.state, "awaiting-feedback");
  assert.equal(summary.items.find((i) => i.key === "vote-count")?.score, 1);
  assert.deepEqual(
    summary.items.find((i) => i.key === "fair-reporting")?.citedSentences.map((s) => s.id),
    ["p02-s1", "p02-s3"],
  );
});

test("each save replaces the last and bumps the revision", async () => {
  const student = await person("student");
  assert.equal((await saveDraft(student, draft("spaces", { type: "short_answer", text: "first" }, SELF))).revision, 1);
  assert.equal((await saveDraft(student, draft("spaces", { type: "short_answer", text: "second" }, SELF))).revision, 2);
  assert.deepEqual((await getWorkspace(student, lesson)).answers.spaces?.response, {
    type: "short_answer",
    text: "second",
  });
});

test("forty saves of one answer at once (tabs, retries) all land, one revision each, on either engine", async () => {
  const { student, classId } = await studentInClass();
  const saves = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      saveDraft(student, draft("fair-reporting", { type: "open_response", text: `Draft ${i}` }, classId)),
    ),
  );
  assert.deepEqual(
    saves.map((s) => s.revision).sort((a, b) => a - b),
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
});

test("a save to self-study after a class has assigned the lesson is refused, to be reloaded", async () => {
  const { student } = await studentInClass();
  await assert.rejects(
    saveDraft(student, draft("spaces", { type: "short_answer", text: "40" }, SELF)),
    /Reload the page/,
  );
});

test("bad answers are refused with a clear message and write nothing", async () => {
  const { student, classId } = await studentInClass();
  const before = (await db.select().from(answers)).length;
  const cases: [string, () => Promise<unknown>, RegExp, unknown][] = [
    [
      "an option that is not the question's",
      () => saveDraft(student, draft("vote-count", { type: "single_choice", optionId: "zzz" }, classId)),
      /not one of this question's options/,
      DomainError,
    ],
    [
      "a sentence outside the passage",
      () => saveDraft(student, draft("who-objects", { type: "evidence", sentenceIds: ["p01-s1"] }, classId)),
      /not in this passage/,
      DomainError,
    ],
    [
      "a cited sentence outside the passage",
      () => saveDraft(student, draft("fair-reporting", { type: "open_response", text: "x" }, classId, ["p01-s1"])),
      /not in this passage/,
      DomainError,
    ],
    [
      "a text that is too long",
      () => saveDraft(student, draft("spaces", { type: "short_answer", text: "x".repeat(81) }, classId)),
      /Keep the answer to 80 characters/,
      DomainError,
    ],
    [
      "a response of another type",
      () => saveDraft(student, draft("spaces", { type: "single_choice", optionId: "a" }, classId)),
      /./,
      DomainError,
    ],
    [
      "a question of another lesson",
      () => saveDraft(student, draft("khalimov-training-country", { type: "short_answer", text: "US" }, classId)),
      /not part of this lesson/,
      NotFoundError,
    ],
    [
      "a class the student is not in",
      () => saveDraft(student, draft("spaces", { type: "short_answer", text: "40" }, "someone-elses-class")),
      /no longer in the class/,
      ForbiddenError,
    ],
    [
      "no session",
      () => saveDraft(null, draft("spaces", { type: "short_answer", text: "40" }, SELF)),
      /Sign in/,
      ForbiddenError,
    ],
  ];
  for (const [label, attempt, message, type] of cases) {
    await assert.rejects(attempt, (err: Error) => {
      assert.ok(err instanceof (type as typeof Error), `${label}: ${err.name}`);
      assert.match(err.message, message, label);
      return true;
    });
  }
  assert.equal((await db.select().from(answers)).length, before);
});

test("after leaving the class a student can neither save there nor submit", async () => {
  const { student, classId } = await studentInClass();
  await saveDraft(student, draft("spaces", { type: "short_answer", text: "40" }, classId));
  await leaveClass(student, classId);
  await assert.rejects(
    saveDraft(student, draft("spaces", { type: "short_answer", text: "41" }, classId)),
    ForbiddenError,
  );
  await assert.rejects(submitLesson(student, lesson, classId), ForbiddenError);
  assert.equal((await getWorkspace(student, lesson)).context.mode, "self");
});

test("results after submission follow the assignment's setting", async () => {
  const { student, classId } = await studentInClass(false);
  await saveDraft(student, draft("vote-count", { type: "single_choice", optionId: "a" }, classId));
  await submitLesson(student, lesson, classId);
  const ws = await getWorkspace(student, lesson);
  assert.deepEqual(ws.reveal, {}, "no keys or explanations when the assignment hides them");
  assert.equal((await getLessonSummary(student, lesson)).items.find((i) => i.key === "vote-count")?.score, null);
});

test("self-study: a check grades, reveals the explanations, and keeps the history", async () => {
  const learner = await person("student");
  await assert.rejects(
    checkAnswer(learner, {
      lessonSlug: lesson,
      questionKey: "vote-count",
      response: { type: "single_choice", optionId: null },
    }),
    /Answer the question first/,
  );
  const wrong = await checkAnswer(learner, {
    lessonSlug: lesson,
    questionKey: "vote-count",
    response: { type: "single_choice", optionId: "b" },
  });
  assert.equal(wrong.score, 0);
  assert.equal(
    wrong.question.type === "single_choice" && wrong.question.options.every((o) => o.explanation.length > 0),
    true,
  );
  const right = await checkAnswer(learner, {
    lessonSlug: lesson,
    questionKey: "vote-count",
    response: { type: "single_choice", optionId: "a" },
  });
  assert.equal(right.score, 1);
  assert.equal(right.attemptNumber, 2);
  const open = await checkAnswer(learner, {
    lessonSlug: lesson,
    questionKey: "fair-reporting",
    response: { type: "open_response", text: "Mine." },
    citedSentences: ["p02-s2"],
  });
  assert.equal(open.score, null);
  assert.ok(open.question.type === "open_response" && open.question.exemplar.length > 0);
  const ws = await getWorkspace(learner, lesson);
  assert.equal(ws.reveal["vote-count"]?.checks, 2);
  // Checks are history: the draft is the autosave's.
  assert.equal((await listLessonProgress(learner))[lesson]?.answered, 0);
  await saveDraft(learner, draft("vote-count", { type: "single_choice", optionId: "a" }, SELF));
  const summary = await getLessonSummary(learner, lesson);
  assert.deepEqual([summary.items[0]?.state, summary.items[0]?.score], ["checked", 1]);
  await saveDraft(learner, draft("vote-count", { type: "single_choice", optionId: "b" }, SELF));
  const edited = await getLessonSummary(learner, lesson);
  assert.deepEqual(
    [edited.items[0]?.state, edited.items[0]?.score],
    ["draft", null],
    "an edited answer is no longer the checked one",
  );
  await assert.rejects(submitLesson(learner, lesson, SELF), /nothing to submit/);
});

test("a student whose class assigned the lesson cannot check answers (and so see keys) before submitting, even after leaving", async () => {
  const { student, classId } = await studentInClass(false);
  const check = () =>
    checkAnswer(student, {
      lessonSlug: lesson,
      questionKey: "vote-count",
      response: { type: "single_choice", optionId: "a" },
    });
  await assert.rejects(check(), (err: Error) => err instanceof ForbiddenError && /assigned in Class/.test(err.message));
  await saveDraft(student, draft("spaces", { type: "short_answer", text: "40" }, classId));
  await leaveClass(student, classId);
  await assert.rejects(
    check(),
    (err: Error) => err instanceof ForbiddenError && /class work on this lesson/.test(err.message),
  );
});

test("one student's work is never another's", async () => {
  const a = await person("student");
  const b = await person("student");
  await saveDraft(a, draft("spaces", { type: "short_answer", text: "mine" }, SELF));
  assert.deepEqual((await getWorkspace(b, lesson)).answers, {});
  assert.equal((await listLessonProgress(b))[lesson]?.answered, 0);
});

test("after a submission that shows answers, unanswered questions are explained too, scored nothing", async () => {
  const { student, classId } = await studentInClass(true);
  await saveDraft(student, draft("vote-count", { type: "single_choice", optionId: "a" }, classId));
  await submitLesson(student, lesson, classId);
  const ws = await getWorkspace(student, lesson, "two-sides");
  assert.deepEqual(
    Object.keys(ws.reveal).sort(),
    ["fair-reporting", "who-objects"],
    "the passage's questions, none answered, all explained",
  );
  assert.equal(ws.reveal["who-objects"]!.score, 0);
  assert.equal(ws.reveal["who-objects"]!.question.type, "evidence");
  assert.equal(ws.reveal["fair-reporting"]!.score, null, "an open response is read by the instructor, not scored here");
});

test("the whole lesson's workspace tallies each passage for the overview; a passage's does not", async () => {
  const { student, classId } = await studentInClass(true);
  await saveDraft(student, draft("vote-count", { type: "single_choice", optionId: "a" }, classId));
  await saveDraft(student, draft("who-objects", { type: "evidence", sentenceIds: ["p02-s3"] }, classId));
  const ws = await getWorkspace(student, lesson);
  assert.deepEqual(
    ws.passages?.map((p) => [p.key, p.answered, p.total]),
    [
      ["the-vote", 1, 3],
      ["two-sides", 1, 2],
    ],
  );
  assert.equal((await getWorkspace(student, lesson, "the-vote")).passages, undefined);
});

test("a question on the whole article takes citations from any passage; a passage's question only from its own", async () => {
  const learner = await person("student");
  const article = "tajikistan-islamic-state";
  const save = (questionKey: string, citedSentences: string[]) =>
    saveDraft(learner, {
      lessonSlug: article,
      questionKey,
      contextKey: SELF,
      response: { type: "open_response", text: "My reading." },
      citedSentences,
    });
  // headline-claim-strength sits on the last passage and cites the whole article: p01-s1 is in the first passage.
  await save("headline-claim-strength", ["p01-s1", "p03-s1"]);
  assert.deepEqual((await getWorkspace(learner, article)).answers["headline-claim-strength"]?.citedSentences, [
    "p01-s1",
    "p03-s1",
  ]);
  await assert.rejects(
    save("headline-claim-strength", ["p99-s9"]),
    (err: unknown) => err instanceof DomainError && /not in this article/.test(err.message),
  );
  // reading-old-story, on the same passage, may cite only that passage.
  await assert.rejects(
    save("reading-old-story", ["p01-s1"]),
    (err: unknown) => err instanceof DomainError && /not in this passage/.test(err.message),
  );
});
