import { test } from "node:test";
import assert from "node:assert/strict";
import { importLessonFolders } from "@/content/import";
import { copyLesson, fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import { openTestDatabase } from "@/db/testing/test-database";
import { lessonStructure } from "./lesson-structure";

test("the kept lesson follows every import, even one that returns to earlier files", async () => {
  const db = openTestDatabase();
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const first = await lessonStructure(db, "bike-lane-vote");
  assert.equal(first.questions.find((q) => q.key === "vote-count")?.version, 1);
  assert.equal(await lessonStructure(db, "bike-lane-vote"), first, "unchanged: the kept copy is used");

  const edited = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) => (d.questions[0].prompt = "What was the council's vote?"),
  });
  assert.ok((await importLessonFolders(db, [edited])).ok);
  // Back to the first files: the same content hash as the kept copy, but the question is now at version 3.
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const now = await lessonStructure(db, "bike-lane-vote");
  assert.equal(now.questions.find((q) => q.key === "vote-count")?.version, 3);
});
