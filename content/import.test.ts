import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { importLessonFolders } from "./import";
import { loadLessonFolder } from "./load";
import { copyLesson, fixtureLessonDir } from "./fixtures/lesson-fixture";
import { importLessons } from "@/db/access/lesson-content";
import { lessons, questions, questionVersions, passages } from "@/db/schema";
import { dumpDatabase, openTestDatabase } from "@/db/testing/test-database";

test("importing the same lesson twice changes nothing the second time", async () => {
  const db = openTestDatabase();
  const first = await importLessonFolders(db, [fixtureLessonDir]);
  assert.ok(first.ok);
  assert.equal(first.reports[0]!.status, "created");
  assert.equal(first.reports[0]!.questionsAdded, 5);
  const before = await dumpDatabase(db);

  const second = await importLessonFolders(db, [fixtureLessonDir]);
  assert.ok(second.ok);
  assert.equal(second.reports[0]!.status, "unchanged");
  assert.deepEqual(await dumpDatabase(db), before);
});

test("a broken lesson file changes nothing in the database", async () => {
  const db = openTestDatabase();
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const before = await dumpDatabase(db);
  const edited = copyLesson(fixtureLessonDir, {
    "lesson.yaml": (d) => (d.title = "A new title"),
    "questions.yaml": (d) => (d.questions[0].options[1].correct = true),
  });
  const result = await importLessonFolders(db, [edited]);
  assert.equal(result.ok, false);
  assert.deepEqual(await dumpDatabase(db), before);
});

test("a write that fails halfway rolls back every lesson in the run", async () => {
  const db = openTestDatabase();
  const good = loadLessonFolder(fixtureLessonDir);
  assert.ok(good.ok);
  const broken = structuredClone(good.lesson.content);
  broken.meta.slug = "broken";
  broken.questions[0]!.passage = "missing-passage"; // unchecked on purpose: the insert itself fails
  await assert.rejects(() =>
    importLessons(db, [
      { content: good.lesson.content, contentHash: good.lesson.contentHash },
      { content: broken, contentHash: "x" },
    ]),
  );
  assert.equal((await db.select().from(lessons)).length, 0);
});

test("re-importing an edited question keeps its id and keeps the version answered before", async () => {
  const db = openTestDatabase();
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const original = (await db.select().from(questions).where(eq(questions.key, "vote-count")).limit(1))[0]!;

  const edited = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) => (d.questions[0].prompt = "What was the council's vote?"),
  });
  const result = await importLessonFolders(db, [edited]);
  assert.ok(result.ok);
  assert.equal(result.reports[0]!.status, "updated");
  assert.equal(result.reports[0]!.questionsChanged, 1);

  const updated = (await db.select().from(questions).where(eq(questions.key, "vote-count")).limit(1))[0]!;
  assert.equal(updated.id, original.id);
  assert.equal(updated.version, 2);
  assert.equal(updated.prompt, "What was the council's vote?");
  const versions = await db.select().from(questionVersions).where(eq(questionVersions.questionId, original.id));
  assert.deepEqual(
    versions.map((v) => [v.version, (v.content as { prompt: string }).prompt]),
    [
      [1, "How did the council vote?"],
      [2, "What was the council's vote?"],
    ],
  );
  // Unedited questions keep their single version.
  assert.equal((await db.select().from(questionVersions)).length, 6);
});

test("a question or passage dropped from the files is retired, not deleted, and comes back with its id", async () => {
  const db = openTestDatabase();
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const spaces = (await db.select().from(questions).where(eq(questions.key, "spaces")).limit(1))[0]!;

  // Drop the second passage, its questions and one more; the voices must then point into passage one.
  const trimmed = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) =>
      (d.questions = d.questions.filter((q: { id: string }) => ["vote-count", "trial-facts"].includes(q.id))),
    "article.yaml": (d) => d.passages.pop(),
    "voices.yaml": (d) =>
      (d.voices = [
        {
          id: "council",
          name: "Council",
          kind: "organisation",
          role: "Voted",
          affiliation: "Riverside",
          stake: "Its decision",
          appearances: [{ sentence: "p01-s1", mode: "reported" }],
        },
      ]),
  });
  const result = await importLessonFolders(db, [trimmed]);
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.reports[0]!.questionsRetired, 3);
  assert.equal(result.reports[0]!.passagesRetired, 1);
  const retired = (await db.select().from(questions).where(eq(questions.key, "spaces")).limit(1))[0]!;
  assert.ok(retired.retiredAt instanceof Date);
  assert.equal((await db.select().from(passages)).length, 2);

  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const back = (await db.select().from(questions).where(eq(questions.key, "spaces")).limit(1))[0]!;
  assert.equal(back.id, spaces.id);
  assert.equal(back.retiredAt, null);
});

test("moving a question to the last passage as a whole-article question keeps its id, once, and re-importing changes nothing", async () => {
  const db = openTestDatabase();
  type Q = { type: string; passage: string };
  const openResponse = (d: { questions: Q[] }) => d.questions.find((x) => x.type === "open_response")!;
  // At first the open response sits on the first passage...
  const early = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (openResponse(d).passage = "the-vote") });
  assert.ok((await importLessonFolders(db, [early])).ok);
  const before = (await db.select().from(questions).where(eq(questions.type, "open_response")).limit(1))[0]!;
  const first = (await db.select().from(passages).where(eq(passages.key, "the-vote")).limit(1))[0]!;
  const last = (await db.select().from(passages).where(eq(passages.key, "two-sides")).limit(1))[0]!;
  assert.equal(before.passageId, first.id);

  // ...then moves to the last one, allowed to cite the whole article.
  const moved = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) => Object.assign(openResponse(d), { passage: "two-sides", citationScope: "lesson" }),
  });
  assert.ok((await importLessonFolders(db, [moved])).ok);
  const after = (await db.select().from(questions).where(eq(questions.key, before.key)).limit(1))[0]!;
  assert.equal(after.id, before.id, "the same question, so its answers stay attached");
  assert.equal(after.passageId, last.id);
  assert.equal(after.version, before.version + 1);
  const versions = await db.select().from(questionVersions).where(eq(questionVersions.questionId, after.id));
  assert.equal(
    (versions.find((v) => v.version === after.version)!.content as { citationScope?: string }).citationScope,
    "lesson",
  );

  const snapshot = await dumpDatabase(db);
  const again = await importLessonFolders(db, [moved]);
  assert.ok(again.ok);
  assert.equal(again.reports[0]!.status, "unchanged");
  assert.deepEqual(await dumpDatabase(db), snapshot);
});
