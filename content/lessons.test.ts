/** The lessons shipped under content/lessons: sound, complete, and faithful to their sources. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkLessonFolders, lessonsRoot } from "./import";
import { formatContentError, listLessonFolders, loadLessonFolder } from "./load";
import { articleBodyParagraphs } from "@/lib/lesson/clean-article";
import { normaliseWhitespace } from "@/lib/text";

const folders = listLessonFolders(lessonsRoot);

test("there is at least one lesson and every lesson passes content:check", () => {
  assert.ok(folders.length > 0);
  const result = checkLessonFolders(folders);
  assert.ok(result.ok, result.ok ? "" : result.errors.map(formatContentError).join("\n"));
});

for (const dir of folders) {
  const loaded = loadLessonFolder(dir);
  if (!loaded.ok) continue; // reported by the test above
  const { meta, article, questions, voices } = loaded.lesson.content;
  const sentencesOf = new Map(
    article.passages.map((p) => [p.id, new Set(p.paragraphs.flatMap((g) => g.sentences.map((s) => s.id)))]),
  );
  const allSentences = new Set([...sentencesOf.values()].flatMap((s) => [...s]));

  test(`${meta.slug}: every sentence id in "who says what" and in evidence keys exists in its passage`, () => {
    for (const v of voices)
      for (const a of v.appearances) assert.ok(allSentences.has(a.sentence), `${v.id} → ${a.sentence}`);
    for (const q of questions) {
      if (q.type !== "evidence") continue;
      for (const id of q.keySentences)
        assert.ok(sentencesOf.get(q.passage)?.has(id), `${q.id} → ${id} is not in ${q.passage}`);
    }
  });

  test(`${meta.slug}: keeps every paragraph of its source, word for word and in order, without the clutter`, () => {
    assert.ok(loaded.lesson.sourceText, "a lesson keeps its source text in source.txt");
    const header = [meta.title, meta.standfirst ?? "", meta.source.photoCredit ?? ""];
    // Whitespace is compared loosely: the source separates some sentences with a no-break space.
    const expected = articleBodyParagraphs(loaded.lesson.sourceText!, header).map(normaliseWhitespace);
    const actual = article.passages.flatMap((p) =>
      p.paragraphs.map((g) => normaliseWhitespace(g.sentences.map((s) => s.text).join(" "))),
    );
    assert.deepEqual(actual, expected);
  });

  test(`${meta.slug}: has the shape a lesson needs (8-12 passages, 30+ questions of every type, a third critical)`, () => {
    assert.ok(article.passages.length >= 8 && article.passages.length <= 12, `${article.passages.length} passages`);
    assert.ok(questions.length >= 30, `${questions.length} questions`);
    for (const p of article.passages) {
      assert.ok(questions.filter((q) => q.passage === p.id).length >= 2, `passage ${p.id} has fewer than 2 questions`);
      assert.ok(p.discussionPrompts.length >= 1 && p.discussionPrompts.length <= 2, `passage ${p.id} prompts`);
    }
    assert.deepEqual(
      new Set(questions.map((q) => q.type)),
      new Set(["single_choice", "multiple_select", "short_answer", "evidence", "open_response"]),
    );
    assert.ok(
      questions.filter((q) => q.kind === "critical").length * 3 >= questions.length,
      "at least a third critical",
    );
  });
}
