import { test } from "node:test";
import assert from "node:assert/strict";
import { freshAppDatabase } from "@/db/testing/test-database";
import { users } from "@/db/schema";
import { importLessonFolders, lessonsRoot } from "@/content/import";
import { listLessonFolders } from "@/content/load";
import type { Actor } from "@/lib/actor";
import { saveDraft, submitLesson } from "./answers";
import { assignLesson, createClass, getClass, joinClass } from "./classes";
import { getReviewQueue, getStudentReview } from "./review";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, listLessonFolders(lessonsRoot))).ok);

async function person(id: string, role: Actor["role"]): Promise<Actor> {
  await db
    .insert(users)
    .values({ id, email: `${id}@test`, name: id, role, passwordHash: "x", sessionVersion: 1, createdAt: new Date() });
  return { userId: id, role, name: id, email: `${id}@test` };
}

test("an answer to a whole-article question is reviewed against the whole article, its citations from any passage shown", async () => {
  const teacher = await person("teacher", "instructor");
  const student = await person("student", "student");
  const lessonSlug = "tajikistan-islamic-state";
  const { id: classId } = await createClass(teacher, { name: "Class" });
  await assignLesson(teacher, { classId, lessonSlug, dueAt: null, showAnswersAfterSubmit: true });
  await joinClass(student, (await getClass(teacher, classId)).teaching!.joinCode);
  // headline-claim-strength is on the last passage; p01-s1 is the article's first sentence.
  await saveDraft(student, {
    lessonSlug,
    questionKey: "headline-claim-strength",
    contextKey: classId,
    response: { type: "open_response", text: "Hedged." },
    citedSentences: ["p01-s1"],
  });
  await submitLesson(student, lessonSlug, classId);

  const queue = await getReviewQueue(teacher, classId);
  assert.equal(queue.current?.questionKey, "headline-claim-strength");
  assert.equal(queue.current?.passage.title, "The whole article");
  assert.ok(queue.current?.passage.sentences.some((s) => s.id === "p01-s1"));
  assert.match(queue.current!.items[0]!.cited[0]!.text, /^By supporting the corrupt, dictatorial regime/);

  const review = await getStudentReview(teacher, classId, student.userId, lessonSlug);
  const item = review.items.find((i) => i.questionKey === "headline-claim-strength")!;
  assert.equal(item.passageTitle, "The whole article");
  assert.deepEqual(item.highlighted, ["p01-s1"]);
  assert.ok(item.passage.some((s) => s.id === "p01-s1"));
  const other = review.items.find((i) => i.questionKey === "reading-old-story")!;
  assert.equal(
    other.passage.some((s) => s.id === "p01-s1"),
    false,
    "a passage's question is read against its passage",
  );
});
