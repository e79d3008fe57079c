import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import assert from "node:assert/strict";
import { freshAppDatabase, dumpDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { importLessonFolders } from "@/content/import";
import { copyLesson, fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import { classes, enrollments, assignments, lessons } from "@/db/schema";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";

import { lessonStructure } from "./lesson-structure";
import { classVersion, forgetClassCache } from "./internal/class-cache";
import {
  createMark,
  deleteMark,
  exportMyMarks,
  getClassMarks,
  listMyMarks,
  MARKS_PER_PASSAGE,
  updateMark,
  type NewMark,
} from "./marks";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);

const lessonSlug = "bike-lane-vote";
const passageKey = "two-sides";

async function model() {
  return (await lessonStructure(db, lessonSlug)).passagesByKey.get(passageKey)!.model;
}

/** A new mark on the first occurrence of `words` in the passage "Two sides". */
async function on(words: string, tag: NewMark["tag"] = "claim", note?: string): Promise<NewMark> {
  const m = await model();
  const start = m.text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the passage`);
  return { lessonSlug, passageKey, textVersion: m.version, start, end: start + words.length, tag, note };
}

test("a reader's marks are their own: made, listed in text order, changed and deleted", async () => {
  const reader = await insertPerson(db, "student");
  const other = await insertPerson(db, "student");
  const later = await createMark(reader, await on("Our customers drive", "opinion", "Is this true of all?"));
  const first = await createMark(reader, await on("People are scared to ride here", "claim"));
  assert.equal(first.quote.exact, "People are scared to ride here");
  assert.ok(first.quote.suffix.startsWith(',"'), "the quote keeps the words after it as its suffix");

  const listed = await listMyMarks(reader, { lessonSlug, passageKey });
  assert.deepEqual(
    listed.map((m) => m.id),
    [first.id, later.id],
  );
  assert.deepEqual(await listMyMarks(other, { lessonSlug, passageKey }), []);

  const changed = await updateMark(reader, { id: first.id, tag: "evidence", note: "  From a councillor.  " });
  assert.equal(changed.tag, "evidence");
  assert.equal(changed.note, "From a councillor.");
  assert.equal((await updateMark(reader, { id: first.id, note: "   " })).note, null, "a blank note is no note");

  // Another reader's mark is not found, and stays as it was.
  const before = await dumpDatabase(db);
  await assert.rejects(updateMark(other, { id: first.id, tag: "question" }), NotFoundError);
  await assert.rejects(deleteMark(other, first.id), NotFoundError);
  await assert.rejects(createMark(null, await on("Shop owners disagree.")), ForbiddenError);
  assert.deepEqual(await dumpDatabase(db), before);

  await deleteMark(reader, first.id);
  assert.deepEqual(
    (await listMyMarks(reader, { lessonSlug, passageKey })).map((m) => m.id),
    [later.id],
  );
});

test("a range outside the text, only spaces, or from an older text is refused and writes nothing", async () => {
  const reader = await insertPerson(db, "student");
  const m = await model();
  const ok = await on("Shop owners disagree.");
  const before = await dumpDatabase(db);
  for (const bad of [
    { ...ok, start: m.text.length - 2, end: m.text.length + 5 },
    { ...ok, start: 5, end: 5 },
    { ...ok, start: m.text.indexOf("\n\n") >= 0 ? m.text.indexOf("\n\n") : ok.start - 1, end: ok.start },
  ])
    await assert.rejects(createMark(reader, bad), DomainError);
  await assert.rejects(createMark(reader, { ...ok, textVersion: "an-older-text" }), /changed since this page/);
  await assert.rejects(
    createMark(reader, { ...ok, textVersion: "an-older-text", quote: { exact: "Not in it", prefix: "", suffix: "" } }),
    /changed since this page/,
  );
  await assert.rejects(createMark(reader, { ...ok, passageKey: "no-such-passage" }), NotFoundError);
  assert.deepEqual(await dumpDatabase(db), before);

  // A page older than the text places its mark by the words it showed.
  const byQuote = await createMark(reader, {
    ...ok,
    textVersion: "an-older-text",
    start: 0,
    end: 4,
    quote: { exact: "Shop owners disagree.", prefix: "plan. ", suffix: ' "Our' },
  });
  assert.equal(byQuote.quote.exact, "Shop owners disagree.");
  assert.equal(byQuote.textVersion, m.version);

  // Spaces at a range's ends are left out of the mark.
  const padded = await createMark(reader, { ...ok, start: ok.start - 1, end: ok.end });
  assert.equal(padded.quote.exact, "Shop owners disagree.");
});

test("a passage holds a bounded number of one reader's marks", async () => {
  const reader = await insertPerson(db, "student");
  const mark = await on("Shop owners");
  for (let i = 0; i < MARKS_PER_PASSAGE; i++) await createMark(reader, mark);
  await assert.rejects(createMark(reader, mark), DomainError);
});

test("an import that edits the text places marks again, or keeps them unplaced with quote and note", async () => {
  const reader = await insertPerson(db, "student");
  const moved = await createMark(reader, await on("Tom Bell", "evidence", "Who is he?"));
  const lost = await createMark(reader, await on("Shop owners disagree.", "claim", "Which owners?"));
  const edited = copyLesson(fixtureLessonDir, {
    "article.yaml": (d) => {
      const sentences = d.passages[1].paragraphs[0].sentences;
      sentences[0].text = `Last week, ${sentences[0].text}`;
      sentences[1].text = "Several traders on the street object strongly to it.";
    },
  });
  // The article's source must hold the edited words too.
  const source = path.join(edited, "source.txt");
  fs.writeFileSync(
    source,
    fs
      .readFileSync(source, "utf8")
      .replace('"People are scared', 'Last week, "People are scared')
      .replace("Shop owners disagree.", "Several traders on the street object strongly to it."),
  );
  const result = await importLessonFolders(db, [edited]);
  assert.ok(result.ok);
  assert.ok(result.reports[0]!.marksUnplaced >= 1);

  const after = await listMyMarks(reader, { lessonSlug, passageKey });
  const m = await model();
  const placed = after.find((x) => x.id === moved.id)!;
  assert.equal(m.text.slice(placed.position!.start, placed.position!.end), "Tom Bell");
  assert.ok(placed.position!.start > moved.position!.start, "the mark moved with the words before it");
  assert.equal(placed.textVersion, m.version, "its position now counts in the new text");
  const unplaced = after.find((x) => x.id === lost.id)!;
  assert.equal(unplaced.position, null);
  assert.equal(unplaced.quote.exact, "Shop owners disagree.");
  assert.equal(unplaced.note, "Which owners?");
  assert.equal(after.at(-1)!.id, lost.id, "unplaced marks are listed last");

  // Putting the words back places it again.
  assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);
  const restored = (await listMyMarks(reader, { lessonSlug, passageKey })).find((x) => x.id === lost.id)!;
  assert.equal((await model()).text.slice(restored.position!.start, restored.position!.end), "Shop owners disagree.");

  const exported = await exportMyMarks(reader, lessonSlug);
  assert.equal(exported.lesson.title.length > 0, true);
  assert.deepEqual(
    exported.marks.map((x) => x.passageKey),
    [passageKey, passageKey],
  );
});

test("an instructor sees how many of the class's current students tagged each sentence, without names", async () => {
  const teacher = await insertPerson(db, "instructor");
  const otherTeacher = await insertPerson(db, "instructor");
  const [a, b, c, gone, outsider] = [
    await insertPerson(db, "student"),
    await insertPerson(db, "student"),
    await insertPerson(db, "student"),
    await insertPerson(db, "student"),
    await insertPerson(db, "student"),
  ];
  const lessonId = (await db.select({ id: lessons.id }).from(lessons))[0]!.id;
  await db.insert(classes).values({
    id: "marks-class",
    name: "Marks",
    instructorId: teacher.userId,
    joinCode: "MMMMMMMMMM",
    joinCodeExpiresAt: new Date("2100-01-01"),
    createdAt: new Date(),
  });
  await db
    .insert(enrollments)
    .values([a, b, c].map((s) => ({ classId: "marks-class", studentId: s.userId, joinedAt: new Date() })));
  await db.insert(assignments).values({
    id: "marks-assignment",
    classId: "marks-class",
    lessonId,
    dueAt: null,
    showAnswersAfterSubmit: true,
    createdAt: new Date(),
  });
  await createMark(a, await on("Shop owners disagree.", "opinion", "private thought"));
  await createMark(a, await on("Shop owners", "opinion")); // the same student, the same sentence: counted once
  await createMark(b, await on("owners disagree", "evidence"));
  await createMark(gone, await on("Shop owners disagree.", "opinion")); // never in the class
  await createMark(outsider, await on("Our customers drive", "claim"));

  const seen = await getClassMarks(teacher, "marks-class", lessonSlug);
  assert.equal(seen.enrolled, 3);
  assert.equal(seen.tooSmall, false);
  assert.deepEqual(seen.bySentence["p02-s2"], { claim: 0, evidence: 1, opinion: 1, question: 0 });
  assert.equal(seen.bySentence["p02-s3"], undefined);
  assert.deepEqual(
    seen.passages.map((p) => p.key),
    [passageKey],
  );
  assert.doesNotMatch(JSON.stringify(seen), /private thought|Person|user-/);

  // The counts are kept per class, and are never older than the database after a mark changes.
  const fresh = async () => {
    forgetClassCache();
    return await getClassMarks(teacher, "marks-class", lessonSlug);
  };
  const added = await createMark(c, await on("owners disagree", "question"));
  const afterAdd = await getClassMarks(teacher, "marks-class", lessonSlug);
  assert.equal(afterAdd.bySentence["p02-s2"]!.question, 1, "a new mark counts at once");
  assert.deepEqual(afterAdd, await fresh());
  await updateMark(c, { id: added.id, tag: "evidence" });
  const afterRetag = await getClassMarks(teacher, "marks-class", lessonSlug);
  assert.deepEqual(afterRetag.bySentence["p02-s2"], { claim: 0, evidence: 2, opinion: 1, question: 0 });
  assert.deepEqual(afterRetag, await fresh());
  // A note typed into changes no count, so it does not empty the cache.
  const version = await classVersion("marks-class");
  await updateMark(c, { id: added.id, note: "why here?" });
  assert.equal(await classVersion("marks-class"), version);
  await deleteMark(c, added.id);
  const afterDelete = await getClassMarks(teacher, "marks-class", lessonSlug);
  assert.deepEqual(afterDelete.bySentence["p02-s2"], { claim: 0, evidence: 1, opinion: 1, question: 0 });
  assert.deepEqual(afterDelete, await fresh());

  // A student who leaves no longer counts; with two left, a count of one could name someone: none are given.
  await db.delete(enrollments).where(eq(enrollments.studentId, c.userId));
  const small = await getClassMarks(teacher, "marks-class", lessonSlug);
  assert.deepEqual(small, { enrolled: 2, tooSmall: true, bySentence: {}, passages: [] });

  await assert.rejects(getClassMarks(otherTeacher, "marks-class", lessonSlug), NotFoundError);
  await assert.rejects(getClassMarks(a, "marks-class", lessonSlug), ForbiddenError);
});
