import { test } from "node:test";
import assert from "node:assert/strict";
import { freshAppDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { saveDraft, submitLesson } from "./answers";
import { assignLesson, createClass, getClass, joinClass } from "./classes";
import { countUnreadFeedback, listMyFeedback, markFeedbackRead } from "./my-feedback";
import { getReviewQueue } from "./review";
import { returnFeedback, saveFeedbackDraft } from "./feedback";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);

const person = (role: Actor["role"], name?: string) => insertPerson(db, role, name);

/** A class with one student who submitted an open response; returns everyone and the answer id. */
async function world() {
  const teacher = await person("instructor");
  const { id: classId } = await createClass(teacher, { name: "Class" });
  await assignLesson(teacher, { classId, lessonSlug: "bike-lane-vote", dueAt: null, showAnswersAfterSubmit: true });
  const student = await person("student");
  await joinClass(student, (await getClass(teacher, classId)).teaching!.joinCode);
  await saveDraft(student, {
    lessonSlug: "bike-lane-vote",
    questionKey: "fair-reporting",
    contextKey: classId,
    response: { type: "open_response", text: "Each side gets one quote." },
    citedSentences: ["p02-s1"],
  });
  await saveDraft(student, {
    lessonSlug: "bike-lane-vote",
    questionKey: "vote-count",
    contextKey: classId,
    response: { type: "single_choice", optionId: "b" },
  });
  await submitLesson(student, "bike-lane-vote", classId);
  const queue = await getReviewQueue(teacher, classId);
  const answerId = queue.current!.items[0]!.answerId;
  return {
    teacher,
    student,
    classId,
    answerId,
    otherTeacher: await person("instructor"),
    otherStudent: await person("student"),
  };
}

test("the instructor reviews, returns, and the student sees only returned feedback, with an unread count", async () => {
  const { teacher, student, classId, answerId } = await world();
  const queue = await getReviewQueue(teacher, classId);
  assert.equal(queue.questions[0]?.needsReview, 1);
  assert.equal(
    (await getReviewQueue(teacher, classId, { anonymous: true })).current?.items[0]?.studentName,
    "Student 1",
  );
  assert.equal((await getReviewQueue(teacher, classId, { state: "returned" })).current?.items.length, 0);
  assert.equal(queue.current?.items[0]?.text, "Each side gets one quote.");
  assert.deepEqual(
    queue.current?.items[0]?.cited.map((c) => c.id),
    ["p02-s1"],
  );

  const saved = await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 2, reasoning: 0 },
    comment: "Good use of both quotes.",
  });
  assert.equal(saved.points, 2);
  assert.deepEqual(await listMyFeedback(student), [], "a draft is invisible to the student");
  assert.equal(await countUnreadFeedback(student), 0);

  assert.deepEqual(await returnFeedback(teacher, { classId, answerIds: [answerId] }), { returned: 1, notReturned: [] });
  assert.equal(await countUnreadFeedback(student), 1);
  const [seen] = await listMyFeedback(student);
  assert.equal(seen?.comment, "Good use of both quotes.");
  assert.equal(seen?.points, 2);
  assert.deepEqual(
    seen?.rubric.map((r) => r.level),
    ["Strong", "Weak"],
  );

  // Edited after returning: the student keeps seeing the returned version until it is returned again.
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 2, reasoning: 2 },
    comment: "Revised.",
  });
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.state, "draft");
  assert.equal((await listMyFeedback(student))[0]?.comment, "Good use of both quotes.");
  await returnFeedback(teacher, { classId, answerIds: [answerId] });
  assert.equal((await listMyFeedback(student))[0]?.comment, "Revised.");

  await markFeedbackRead(student);
  assert.equal(await countUnreadFeedback(student), 0);
});

test("only the class's instructor reads the queue or writes feedback", async () => {
  const { classId, answerId, otherTeacher, otherStudent, student } = await world();
  for (const actor of [null, student, otherStudent, otherTeacher]) {
    await assert.rejects(
      getReviewQueue(actor, classId),
      (e) => e instanceof ForbiddenError || e instanceof NotFoundError,
    );
    await assert.rejects(
      saveFeedbackDraft(actor, { classId, answerId, rubricLevels: {}, comment: "x" }),
      (e) => e instanceof ForbiddenError || e instanceof NotFoundError,
    );
    await assert.rejects(
      returnFeedback(actor, { classId, answerIds: [answerId] }),
      (e) => e instanceof ForbiddenError || e instanceof NotFoundError,
    );
  }
  assert.deepEqual(await listMyFeedback(otherStudent), []);
});

test("bad feedback is refused and writes nothing: a level outside the rubric, an unknown criterion, an answer of another class", async () => {
  const { teacher, classId, answerId } = await world();
  const other = await world();
  await assert.rejects(
    saveFeedbackDraft(teacher, { classId, answerId, rubricLevels: { evidence: 7 }, comment: "" }),
    (e: Error) => e instanceof DomainError && /7 is not a level of "Use of evidence"/.test(e.message),
  );
  await assert.rejects(
    saveFeedbackDraft(teacher, { classId, answerId, rubricLevels: { style: 1 }, comment: "" }),
    /not a criterion/,
  );
  await assert.rejects(
    saveFeedbackDraft(teacher, { classId, answerId: other.answerId, rubricLevels: {}, comment: "" }),
    NotFoundError,
  );
  assert.deepEqual(await returnFeedback(teacher, { classId, answerIds: [other.answerId] }), {
    returned: 0,
    notReturned: [],
  });
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.state, "needs-review");
});

test("the gradebook and the answers export: the class's instructor only, awaiting never zero", async () => {
  const { getGradebook, exportAnswers } = await import("./gradebook");
  const { teacher, classId, answerId, otherTeacher, student } = await world();
  const book = await getGradebook(teacher, classId);
  assert.equal(book.rows.length, 1);
  const open = book.questions.findIndex((q) => q.key === "fair-reporting");
  assert.equal(book.rows[0]!.cells[open]!.state, "awaiting-review");
  assert.deepEqual(book.rows[0]!.totals, { earned: 0, gradedPossible: 6, awaitingCount: 1, awaitingPoints: 4 });

  const before = await exportAnswers(teacher, classId, "bike-lane-vote");
  assert.deepEqual(before.map((r) => r.state).sort(), ["automatically graded", "awaiting review"]);
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 1, reasoning: 2 },
    comment: 'Say more, "quote", please',
  });
  assert.equal(
    (await exportAnswers(teacher, classId, "bike-lane-vote")).find((r) => r.type === "open_response")!.state,
    "draft feedback",
  );
  assert.equal(
    (await exportAnswers(teacher, classId, "bike-lane-vote")).find((r) => r.type === "open_response")!.returnedComment,
    "",
    "a draft is not what the student was given",
  );
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 1, reasoning: 2 },
    comment: 'Say more, "quote", please',
    inlineComments: [{ start: 10, end: 18, quote: "gets one", text: "Which one?" }],
  });
  await returnFeedback(teacher, { classId, answerIds: [answerId] });
  const after = await getGradebook(teacher, classId);
  assert.deepEqual(after.rows[0]!.cells[open], { state: "graded", points: 3 });

  const rows = await exportAnswers(teacher, classId, "bike-lane-vote");
  assert.equal(rows.length, 2);
  const openRow = rows.find((r) => r.type === "open_response")!;
  assert.deepEqual(
    [openRow.answer, openRow.feedbackPoints, openRow.returnedComment],
    ["Each side gets one quote.", 3, 'Say more, "quote", please'],
  );
  assert.match(openRow.citedSentences, /People are scared to ride here/);
  assert.equal(rows.find((r) => r.type === "single_choice")!.answer, "2 to 5 against");
  assert.equal(openRow.state, "returned");
  assert.deepEqual(
    openRow.inlineComments.map((c) => [c.quote, c.text]),
    [["gets one", "Which one?"]],
  );
  // Numbered as in the gradebook, with the passage's title.
  for (const r of rows) {
    const inBook = after.questions.findIndex((q) => q.key === r.question);
    assert.equal(r.questionNumber, inBook + 1);
    assert.equal(r.passage, after.questions[inBook]!.passageTitle);
  }
  assert.equal(rows.find((r) => r.type === "single_choice")!.state, "automatically graded");

  for (const actor of [null, student, otherTeacher]) {
    await assert.rejects(
      getGradebook(actor, classId),
      (e) => e instanceof ForbiddenError || e instanceof NotFoundError,
    );
    await assert.rejects(
      exportAnswers(actor, classId, "bike-lane-vote"),
      (e) => e instanceof ForbiddenError || e instanceof NotFoundError,
    );
  }
});

test("saved comments belong to their instructor: listed per question and general, edited and deleted only by them", async () => {
  const saved = await import("./saved-comments");
  const { teacher, otherTeacher, student } = await world();
  const mine = await saved.createSavedComment(teacher, {
    lessonSlug: "bike-lane-vote",
    questionKey: "fair-reporting",
    text: "Quote the sentence.",
  });
  await saved.createSavedComment(teacher, { lessonSlug: "bike-lane-vote", questionKey: null, text: "Good work." });
  await saved.createSavedComment(otherTeacher, {
    lessonSlug: "bike-lane-vote",
    questionKey: "fair-reporting",
    text: "Not yours.",
  });
  assert.deepEqual(
    (await saved.listSavedComments(teacher, "bike-lane-vote", "fair-reporting")).map((c) => [c.text, c.general]),
    [
      ["Quote the sentence.", false],
      ["Good work.", true],
    ],
  );
  await assert.rejects(saved.updateSavedComment(otherTeacher, { id: mine.id, text: "hijacked" }), NotFoundError);
  await assert.rejects(saved.deleteSavedComment(otherTeacher, mine.id), NotFoundError);
  await assert.rejects(saved.listSavedComments(student, "bike-lane-vote", "fair-reporting"), ForbiddenError);
  await assert.rejects(
    saved.createSavedComment(teacher, { lessonSlug: "bike-lane-vote", questionKey: "no-such", text: "x" }),
    NotFoundError,
  );
  await saved.updateSavedComment(teacher, { id: mine.id, text: "Quote the exact sentence." });
  await saved.deleteSavedComment(teacher, mine.id);
  assert.deepEqual(
    (await saved.listSavedComments(teacher, "bike-lane-vote", "fair-reporting")).map((c) => c.text),
    ["Good work."],
  );
});

test("one student's lesson, and overriding an automatic grade with a reason", async () => {
  const { getStudentReview } = await import("./review");
  const { overrideGrade } = await import("./feedback");
  const { getGradebook } = await import("./gradebook");
  const { teacher, student, classId, otherTeacher } = await world();
  const review = await getStudentReview(teacher, classId, student.userId);
  assert.equal(review.items.length, 5);
  const open = review.items.find((i) => i.type === "open_response")!;
  assert.equal(open.answerText, "Each side gets one quote.");
  await assert.rejects(getStudentReview(otherTeacher, classId, student.userId), NotFoundError);

  await assert.rejects(
    overrideGrade(teacher, { classId, answerId: open.answerId!, points: 1, reason: "x" }),
    /scored with their rubric/,
  );

  const vote = review.items.find((i) => i.questionKey === "vote-count")!;
  assert.equal(vote.autoScore, 0);
  await assert.rejects(
    overrideGrade(teacher, { classId, answerId: vote.answerId!, points: 2, reason: "x" }),
    /between 0 and 1/,
  );
  await assert.rejects(
    overrideGrade(otherTeacher, { classId, answerId: vote.answerId!, points: 1, reason: "x" }),
    NotFoundError,
  );
  await overrideGrade(teacher, { classId, answerId: vote.answerId!, points: 1, reason: "The question was ambiguous." });
  const voteColumn = (await getGradebook(teacher, classId)).questions.findIndex((q) => q.key === "vote-count");
  assert.deepEqual(
    (await getGradebook(teacher, classId)).rows[0]!.cells[voteColumn],
    { state: "graded", points: 0 },
    "not returned yet",
  );
  await returnFeedback(teacher, { classId, answerIds: [vote.answerId!] });
  assert.deepEqual((await getGradebook(teacher, classId)).rows[0]!.cells[voteColumn], { state: "graded", points: 1 });
  const seen = (await listMyFeedback(student)).find((f) => f.overrideReason);
  assert.deepEqual([seen?.points, seen?.overrideReason], [1, "The question was ambiguous."]);
});

test("comments on words of the answer are kept, returned, and refused when they do not sit on the answer", async () => {
  const { teacher, student, classId, answerId } = await world();
  const text = "Each side gets one quote.";
  await assert.rejects(
    saveFeedbackDraft(teacher, {
      classId,
      answerId,
      rubricLevels: {},
      comment: "",
      inlineComments: [{ start: 0, end: 4, quote: "Nope", text: "x" }],
    }),
    (e: Error) => e instanceof DomainError && /sit on words of the answer/.test(e.message),
  );
  const start = text.indexOf("one quote");
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 1, reasoning: 0 },
    comment: "See the note.",
    inlineComments: [{ start, end: start + 9, quote: "one quote", text: "Which quote?" }],
  });
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.inlineComments[0]?.text, "Which quote?");
  await returnFeedback(teacher, { classId, answerIds: [answerId] });
  const [seen] = await listMyFeedback(student);
  assert.deepEqual(
    seen?.inlineComments.map((c) => [c.quote, c.text]),
    [["one quote", "Which quote?"]],
  );
});

test("returning all reviewed feedback of a class at once returns drafts only, of this class only", async () => {
  const { returnAllReviewed } = await import("./feedback");
  const { teacher, classId, answerId, otherTeacher } = await world();
  assert.deepEqual(await returnAllReviewed(teacher, classId), { returned: 0, notReturned: [] });
  await saveFeedbackDraft(teacher, { classId, answerId, rubricLevels: { evidence: 1 }, comment: "Draft." });
  await assert.rejects(returnAllReviewed(otherTeacher, classId), NotFoundError);
  assert.deepEqual(
    await returnAllReviewed(teacher, classId),
    { returned: 0, notReturned: [{ answerId, missing: ["Reasoning"] }] },
    "not fully scored: kept, and said why",
  );
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 1, reasoning: 0 },
    comment: "Draft.",
  });
  assert.deepEqual(await returnAllReviewed(teacher, classId), { returned: 1, notReturned: [] });
  assert.deepEqual(await returnAllReviewed(teacher, classId), { returned: 0, notReturned: [] });
});

test("after a return, edits stay drafts: the gradebook keeps the returned points, and returning unchanged feedback returns nothing", async () => {
  const { getGradebook } = await import("./gradebook");
  const { teacher, student, classId, answerId } = await world();
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 2, reasoning: 2 },
    comment: "Full marks.",
  });
  assert.deepEqual(await returnFeedback(teacher, { classId, answerIds: [answerId] }), { returned: 1, notReturned: [] });
  assert.deepEqual(
    await returnFeedback(teacher, { classId, answerIds: [answerId] }),
    { returned: 0, notReturned: [] },
    "nothing changed since",
  );
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 0, reasoning: 0 },
    comment: "Second thoughts.",
  });
  const book = await getGradebook(teacher, classId);
  const open = book.questions.findIndex((q) => q.key === "fair-reporting");
  assert.deepEqual(book.rows[0]!.cells[open], { state: "graded", points: 4 }, "the student was given 4");
  const [shown] = await listMyFeedback(student);
  await assert.rejects(
    markFeedbackRead(student, ["some-other-id"]),
    NotFoundError,
    "ids that are not the student's are refused",
  );
  await assert.rejects(
    markFeedbackRead(student, [shown!.feedbackId, "some-other-id"]),
    NotFoundError,
    "refused whole, not in part",
  );
  assert.equal(await countUnreadFeedback(student), 1, "only feedback the student was shown is marked read");
  await markFeedbackRead(student, [shown!.feedbackId]);
  assert.equal(await countUnreadFeedback(student), 0);
});

test("insights: the class's instructor only, counting only students still in the class", async () => {
  const { getInsights } = await import("./insights");
  const { leaveClass } = await import("./classes");
  const { teacher, student, classId, otherTeacher } = await world();
  const before = await getInsights(teacher, classId);
  assert.deepEqual([before.submissions, before.enrolled], [1, 1]);
  assert.equal(before.questions.find((q) => q.key === "vote-count")?.options.find((o) => o.id === "b")?.count, 1);
  await assert.rejects(getInsights(otherTeacher, classId), NotFoundError);
  await assert.rejects(getInsights(student, classId), ForbiddenError);
  await leaveClass(student, classId);
  const after = await getInsights(teacher, classId);
  assert.deepEqual([after.submissions, after.enrolled], [0, 0]);
});

test("the queue keeps apart questions of two lessons that share a key, and answers to an earlier version of a question", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const { stringify, parse } = await import("yaml");
  const { assignLesson } = await import("./classes");
  const { teacher, student, classId } = await world();

  // A second lesson, a copy of the first under another slug: same question keys.
  const dir = nodePath.join(fs.mkdtempSync(nodePath.join(os.tmpdir(), "marginalia-twin-")), "bike-lane-vote-twin");
  fs.cpSync(fixtureLessonDir, dir, { recursive: true });
  const meta = parse(fs.readFileSync(nodePath.join(dir, "lesson.yaml"), "utf8"));
  meta.slug = "bike-lane-vote-twin";
  fs.writeFileSync(nodePath.join(dir, "lesson.yaml"), stringify(meta));
  assert.ok((await importLessonFolders(db, [dir])).ok);
  await assignLesson(teacher, {
    classId,
    lessonSlug: "bike-lane-vote-twin",
    dueAt: null,
    showAnswersAfterSubmit: true,
  });
  await saveDraft(student, {
    lessonSlug: "bike-lane-vote-twin",
    questionKey: "fair-reporting",
    contextKey: classId,
    response: { type: "open_response", text: "Twin answer." },
  });
  await submitLesson(student, "bike-lane-vote-twin", classId);

  const queue = await getReviewQueue(teacher, classId);
  assert.deepEqual(queue.questions.map((q) => q.key).sort(), [
    "bike-lane-vote-twin:fair-reporting",
    "bike-lane-vote:fair-reporting",
  ]);
  const twin = await getReviewQueue(teacher, classId, { questionKey: "bike-lane-vote-twin:fair-reporting" });
  assert.deepEqual(
    twin.current?.items.map((i) => i.text),
    ["Twin answer."],
  );
  assert.deepEqual(
    (await getReviewQueue(teacher, classId, { lessonSlug: "bike-lane-vote-twin" })).questions.map((q) => q.key),
    ["bike-lane-vote-twin:fair-reporting"],
  );

  // The first lesson's question is edited and re-imported: the answers given before form their own group.
  const edited = nodePath.join(fs.mkdtempSync(nodePath.join(os.tmpdir(), "marginalia-edit-")), "bike-lane-vote");
  fs.cpSync(fixtureLessonDir, edited, { recursive: true });
  const qs = parse(fs.readFileSync(nodePath.join(edited, "questions.yaml"), "utf8"));
  qs.questions[4].prompt = "Is the story fair to both sides?";
  fs.writeFileSync(nodePath.join(edited, "questions.yaml"), stringify(qs));
  assert.ok((await importLessonFolders(db, [edited])).ok);
  const after = await getReviewQueue(teacher, classId);
  assert.ok(
    after.questions.some((q) => q.key === "bike-lane-vote:fair-reporting@v1"),
    JSON.stringify(after.questions.map((q) => q.key)),
  );
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok); // restore for the other tests
});

test("one student's lesson shows each answer beside its passage, with selected or cited sentences marked", async () => {
  const { getStudentReview } = await import("./review");
  const { teacher, student, classId } = await world();
  const review = await getStudentReview(teacher, classId, student.userId, "bike-lane-vote");
  const open = review.items.find((i) => i.questionKey === "fair-reporting")!;
  assert.deepEqual(open.highlighted, ["p02-s1"]);
  assert.deepEqual(
    open.passage.map((s) => s.id),
    ["p02-s1", "p02-s2", "p02-s3"],
  );
});

test("an open response goes back only with its whole rubric scored: it is kept back and listed with the criteria to score", async () => {
  const { teacher, student, classId, answerId } = await world();
  await saveFeedbackDraft(teacher, { classId, answerId, rubricLevels: { reasoning: 2 }, comment: "Half done." });
  assert.deepEqual(await returnFeedback(teacher, { classId, answerIds: [answerId] }), {
    returned: 0,
    notReturned: [{ answerId, missing: ["Use of evidence"] }],
  });
  assert.deepEqual(await listMyFeedback(student), [], "nothing reached the student");
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.state, "draft");

  const { getStudentReview } = await import("./review");
  const { overrideGrade } = await import("./feedback");
  const vote = (await getStudentReview(teacher, classId, student.userId)).items.find(
    (i) => i.questionKey === "vote-count",
  )!;
  await overrideGrade(teacher, { classId, answerId: vote.answerId!, points: 1, reason: "Fair reading." });
  assert.deepEqual(await returnFeedback(teacher, { classId, answerIds: [answerId, vote.answerId!] }), {
    returned: 1,
    notReturned: [{ answerId, missing: ["Use of evidence"] }],
  });
  assert.deepEqual(
    (await listMyFeedback(student)).map((f) => f.overrideReason),
    ["Fair reading."],
  );
});

test("a return can be taken back until the student opens it, by the class's instructor only; student, gradebook and export agree", async () => {
  const { undoReturn } = await import("./feedback");
  const { getGradebook, exportAnswers } = await import("./gradebook");
  const { teacher, student, classId, answerId, otherTeacher, otherStudent } = await world();
  const open = (await getGradebook(teacher, classId)).questions.findIndex((q) => q.key === "fair-reporting");
  const exported = async () =>
    (await exportAnswers(teacher, classId, "bike-lane-vote")).find((r) => r.type === "open_response")!;
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 1, reasoning: 2 },
    comment: "First go.",
  });
  await assert.rejects(
    undoReturn(teacher, { classId, answerId }),
    (e: Error) => e instanceof DomainError && /nothing to take back/.test(e.message),
  );
  await returnFeedback(teacher, { classId, answerIds: [answerId] });
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.canUndoReturn, true);
  for (const actor of [null, student, otherStudent, otherTeacher]) {
    await assert.rejects(
      undoReturn(actor, { classId, answerId }),
      (e) => e instanceof ForbiddenError || e instanceof NotFoundError,
    );
  }

  assert.deepEqual(await undoReturn(teacher, { classId, answerId }), { state: "draft" });
  const item = (await getReviewQueue(teacher, classId)).current?.items[0];
  assert.deepEqual([item?.state, item?.canUndoReturn, item?.comment], ["draft", false, "First go."]);
  assert.deepEqual(await listMyFeedback(student), [], "the student no longer has it");
  assert.equal(await countUnreadFeedback(student), 0);
  assert.deepEqual((await getGradebook(teacher, classId)).rows[0]!.cells[open], {
    state: "reviewed-not-returned",
    points: 3,
  });
  assert.deepEqual([(await exported()).feedbackPoints, (await exported()).returnedComment], [null, ""]);

  // Returned again and opened: it can no longer be taken back.
  await returnFeedback(teacher, { classId, answerIds: [answerId] });
  await markFeedbackRead(student);
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.canUndoReturn, false);
  await assert.rejects(
    undoReturn(teacher, { classId, answerId }),
    (e: Error) => e instanceof DomainError && /already opened/.test(e.message),
  );

  // A second version, returned and taken back unread: the student keeps the one they read, not new.
  await saveFeedbackDraft(teacher, {
    classId,
    answerId,
    rubricLevels: { evidence: 2, reasoning: 2 },
    comment: "Second go.",
  });
  await returnFeedback(teacher, { classId, answerIds: [answerId] });
  assert.equal(await countUnreadFeedback(student), 1);
  await undoReturn(teacher, { classId, answerId });
  assert.equal(await countUnreadFeedback(student), 0);
  assert.deepEqual(
    (await listMyFeedback(student)).map((f) => [f.comment, f.points]),
    [["First go.", 3]],
  );
  assert.deepEqual((await getGradebook(teacher, classId)).rows[0]!.cells[open], { state: "graded", points: 3 });
  assert.deepEqual([(await exported()).feedbackPoints, (await exported()).returnedComment], [3, "First go."]);
  assert.equal((await getReviewQueue(teacher, classId)).current?.items[0]?.state, "draft");
});

test("one student's lesson has the gradebook's total, and the right answer beside a wrong one", async () => {
  const { getStudentReview } = await import("./review");
  const { getGradebook } = await import("./gradebook");
  const { teacher, student, classId } = await world();
  const review = await getStudentReview(teacher, classId, student.userId);
  assert.deepEqual(review.totals, (await getGradebook(teacher, classId)).rows[0]!.totals);
  const vote = review.items.find((i) => i.questionKey === "vote-count")!;
  assert.equal(vote.answerText, "2 to 5 against");
  assert.equal(vote.correctAnswer, "5 to 2 in favour");
  assert.equal(review.items.find((i) => i.type === "open_response")!.correctAnswer, null);
});
