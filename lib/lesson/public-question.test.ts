import { test } from "node:test";
import assert from "node:assert/strict";
import { questionsFileSchema } from "@/content/schema";
import { loadLessonFolder } from "@/content/load";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import { toPublicQuestion } from "./public-question";

test("no public question carries a key, an explanation, accepted answers or an exemplar", () => {
  const loaded = loadLessonFolder(fixtureLessonDir);
  assert.ok(loaded.ok);
  const questions = questionsFileSchema.parse({ questions: loaded.lesson.content.questions }).questions;
  assert.deepEqual(new Set(questions.map((q) => q.type)).size, 5, "the fixture has every question type");
  for (const q of questions) {
    const shown = JSON.stringify(toPublicQuestion(q));
    for (const secret of ["correct", "explanation", "acceptedAnswers", "keySentences", "exemplar", "forty", "p02-s3"]) {
      assert.ok(!shown.includes(secret), `${q.id} leaks "${secret}": ${shown}`);
    }
  }
});
