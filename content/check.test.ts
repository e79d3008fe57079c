import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkLessonFolders } from "./import";
import { formatContentError } from "./load";
import { copyLesson, fixtureLessonDir } from "./fixtures/lesson-fixture";

function errorsOf(dir: string): string[] {
  const result = checkLessonFolders([dir]);
  return result.ok ? [] : result.errors.map(formatContentError);
}

function assertRejected(dir: string, expected: RegExp) {
  const errors = errorsOf(dir);
  assert.ok(errors.length > 0, "expected the lesson to be rejected");
  assert.ok(
    errors.some((e) => expected.test(e)),
    `no error matched ${expected}; got:\n${errors.join("\n")}`,
  );
}

test("the fixture lesson passes every check", () => {
  assert.deepEqual(errorsOf(fixtureLessonDir), []);
});

test("a missing file is named", () => {
  const dir = copyLesson(fixtureLessonDir);
  fs.rmSync(path.join(dir, "voices.yaml"));
  assertRejected(dir, /bike-lane-vote\/voices\.yaml: file is missing/);
});

test("a file that is not YAML says so", () => {
  const dir = copyLesson(fixtureLessonDir);
  fs.writeFileSync(path.join(dir, "glossary.yaml"), "terms: [unclosed\n");
  assertRejected(dir, /glossary\.yaml: not valid YAML/);
});

test("a missing field names the file and the field", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => delete d.questions[2].acceptedAnswers });
  assertRejected(dir, /questions\.yaml › questions\[2\]\.acceptedAnswers: /);
});

test("an unknown field is refused, so typos do not pass silently", () => {
  const dir = copyLesson(fixtureLessonDir, { "lesson.yaml": (d) => (d.objectivs = ["x"]) });
  assertRejected(dir, /lesson\.yaml.*objectivs/);
});

test("an id that is not a stable slug is refused", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[0].id = "Vote Count") });
  assertRejected(dir, /questions\[0\]\.id: must be lowercase letters/);
});

test("a question pointing at a passage that does not exist", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[0].passage = "no-such-passage") });
  assertRejected(dir, /questions\[0\] \(vote-count\)\.passage: passage "no-such-passage" does not exist/);
});

test("a single choice question with two keys", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[0].options[1].correct = true) });
  assertRejected(dir, /vote-count\)\.options: a single choice question needs exactly one correct option \(found 2\)/);
});

test("a multiple select question with every option correct", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[1].options[2].correct = true) });
  assertRejected(dir, /trial-facts\)\.options: .*at least one correct and one incorrect/);
});

test("an evidence key that is not a sentence", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[3].keySentences = ["p02-s9"]) });
  assertRejected(dir, /who-objects\)\.keySentences\[0\]: sentence "p02-s9" does not exist/);
});

test("a sentence an evidence question also accepts must exist, be in its passage, and not be a key already", () => {
  for (const [accepted, message] of [
    ["p02-s9", /who-objects\)\.alsoAccepted\[0\]: sentence "p02-s9" does not exist/],
    ["p01-s1", /who-objects\)\.alsoAccepted\[0\]: sentence "p01-s1" is in passage/],
    ["p02-s3", /who-objects\)\.alsoAccepted\[0\]: sentence "p02-s3" is already a key sentence/],
  ] as const) {
    const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[3].alsoAccepted = [accepted]) });
    assertRejected(dir, message);
  }
});

test("an evidence key from another passage", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[3].keySentences = ["p01-s1"]) });
  assertRejected(dir, /sentence "p01-s1" is in passage "the-vote", not in this question's passage "two-sides"/);
});

test("a question on the whole article may key sentences of any passage, and sits on the last passage", () => {
  const whole = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) => Object.assign(d.questions[3], { keySentences: ["p01-s1"], citationScope: "lesson" }),
  });
  assert.deepEqual(errorsOf(whole), []);
  const early = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) =>
      Object.assign(d.questions[3], { passage: "the-vote", keySentences: ["p01-s1"], citationScope: "lesson" }),
  });
  assertRejected(
    early,
    /who-objects\)\.passage: a question with citationScope "lesson" cites the whole article, so it belongs on the last passage \("two-sides"\)/,
  );
  const unknown = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) => (d.questions[3].citationScope = "everywhere"),
  });
  assertRejected(unknown, /questions\[3\]\.citationScope: Invalid option/);
});

test("rubric points that do not add up", () => {
  const dir = copyLesson(fixtureLessonDir, { "questions.yaml": (d) => (d.questions[4].points = 5) });
  assertRejected(dir, /fair-reporting\)\.points: is 5 but the rubric's top levels add up to 4/);
});

test("rubric levels out of order", () => {
  const dir = copyLesson(fixtureLessonDir, {
    "questions.yaml": (d) => (d.questions[4].rubric[0].levels[2].points = 1),
  });
  assertRejected(dir, /rubric\[0\]\.levels: levels of "evidence" must go up in points/);
});

test("a voice citing a sentence that does not exist", () => {
  const dir = copyLesson(fixtureLessonDir, { "voices.yaml": (d) => (d.voices[0].appearances[0].sentence = "p09-s1") });
  assertRejected(dir, /voices\[0\] \(ana-ruiz\)\.appearances\[0\]\.sentence: sentence "p09-s1" does not exist/);
});

test("duplicate sentence ids", () => {
  const dir = copyLesson(fixtureLessonDir, {
    "article.yaml": (d) => (d.passages[1].paragraphs[0].sentences[1].id = "p01-s1"),
  });
  assertRejected(dir, /sentence id "p01-s1" is used more than once/);
});

test("a sentence that paraphrases the source instead of quoting it", () => {
  const dir = copyLesson(fixtureLessonDir, {
    "article.yaml": (d) => (d.passages[0].paragraphs[0].sentences[1].text = "The lane replaces forty parking spaces."),
  });
  assertRejected(dir, /sentence "p01-s2" is not word for word in source\.txt/);
});

test("a glossary term that never appears in the text", () => {
  const dir = copyLesson(fixtureLessonDir, { "glossary.yaml": (d) => (d.terms[0].term = "parliament") });
  assertRejected(dir, /terms\[0\] \(council\): neither "parliament" nor its aliases appear/);
});

test("a slug that does not match its folder", () => {
  const dir = copyLesson(fixtureLessonDir, { "lesson.yaml": (d) => (d.slug = "other-slug") });
  assertRejected(dir, /lesson\.yaml › slug: must match the folder name "bike-lane-vote"/);
});
