import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseGift } from "gift-pegjs";
import { freshAppDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { toGift } from "@/lib/question-bank/gift";
import { toMoodleXml } from "@/lib/question-bank/moodle-xml";
import { toQtiPackage } from "@/lib/question-bank/qti";
import { strFromU8, unzipSync } from "fflate";
import { getQuestionBank } from "./question-bank";

const db = await freshAppDatabase();
const realLesson = path.join("content", "lessons", "tajikistan-islamic-state");
assert.ok((await importLessonFolders(db, [fixtureLessonDir, realLesson])).ok);

test("every question of the real lesson exports to GIFT, Moodle XML and QTI that read back whole", async () => {
  const teacher = await insertPerson(db, "instructor");
  const bank = await getQuestionBank(teacher, "tajikistan-islamic-state");
  assert.ok(bank.questions.length > 20);
  assert.deepEqual(
    bank.questions.slice(0, 3).map((q) => q.label),
    ["Q1", "Q2", "Q3"],
  );
  const gift = (parseGift(toGift(bank)) as { type: string }[]).filter((q) => q.type !== "Category");
  assert.equal(gift.length, bank.questions.length);
  const xml = toMoodleXml(bank);
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "question" }).parse(xml);
  assert.equal(parsed.quiz.question.length, bank.questions.length + 1);
  const qti = strFromU8(unzipSync(toQtiPackage(bank))["questions.xml"]!);
  assert.equal(XMLValidator.validate(qti), true);
  assert.equal(qti.match(/<item ident=/g)?.length, bank.questions.length);
  // An evidence question's grader information quotes the sentences it expects: each has its words.
  const evidence = bank.questions.filter((q) => q.content.type === "evidence");
  assert.ok(evidence.length > 0);
  for (const q of evidence)
    if (q.content.type === "evidence")
      for (const id of q.content.keySentences) assert.ok(q.sentences.get(id), `${q.key}: ${id} has its words`);
});

test("students and visitors cannot download the answer keys; an unknown lesson is not found", async () => {
  const student = await insertPerson(db, "student");
  await assert.rejects(getQuestionBank(student, "bike-lane-vote"), ForbiddenError);
  await assert.rejects(getQuestionBank(null, "bike-lane-vote"), ForbiddenError);
  await assert.rejects(getQuestionBank(await insertPerson(db, "instructor"), "no-such-lesson"), NotFoundError);
});
