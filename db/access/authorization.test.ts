/**
 * The authorization matrix: each data-access function on classes, called by each kind of actor
 * (no session, a student of the class, a student of another class, the class's instructor,
 * another instructor), is allowed or denied as the rules say. A denial throws and changes nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase, dumpDatabase } from "@/db/testing";
import { assignments, classes, enrollments, users } from "@/db/schema";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/testing";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError, DomainError } from "@/lib/errors";
import * as access from "./classes";

const db = useTestDatabase();
assert.ok(importLessonFolders(db, [fixtureLessonDir]).ok);

const person = (userId: string, role: Actor["role"]): Actor => ({ userId, role, name: userId, email: `${userId}@test` });
const actors = {
  none: null,
  studentOfClass: person("student-a", "student"),
  studentOfOther: person("student-b", "student"),
  instructorOfClass: person("teacher-a", "instructor"),
  otherInstructor: person("teacher-b", "instructor"),
} as const;
type Who = keyof typeof actors;

const far = new Date("2100-01-01");
/** Two classes, each with its instructor, one student and one assignment. */
function resetWorld() {
  for (const t of [assignments, enrollments, classes, users]) db.delete(t).run();
  for (const a of Object.values(actors)) {
    if (a) db.insert(users).values({ id: a.userId, email: a.email, name: a.name, role: a.role, passwordHash: "x", sessionVersion: 1, createdAt: new Date() }).run();
  }
  db.insert(classes).values([
    { id: "class-a", name: "A", instructorId: "teacher-a", joinCode: "AAAAAAAAAA", joinCodeExpiresAt: far, createdAt: new Date() },
    { id: "class-b", name: "B", instructorId: "teacher-b", joinCode: "BBBBBBBBBB", joinCodeExpiresAt: far, createdAt: new Date() },
  ]).run();
  db.insert(enrollments).values([
    { classId: "class-a", studentId: "student-a", joinedAt: new Date() },
    { classId: "class-b", studentId: "student-b", joinedAt: new Date() },
  ]).run();
  const lessonId = db.$client.prepare("select id from lessons").pluck().get() as string;
  db.insert(assignments).values([
    { id: "assign-a", classId: "class-a", lessonId, dueAt: null, showAnswersAfterSubmit: true, createdAt: new Date() },
    { id: "assign-b", classId: "class-b", lessonId, dueAt: null, showAnswersAfterSubmit: true, createdAt: new Date() },
  ]).run();
}

type Operation = (actor: Actor | null) => Promise<unknown>;
const operations: Record<string, { run: Operation; allowed: Who[] }> = {
  "getClass(class A)": { run: (a) => access.getClass(a, "class-a"), allowed: ["studentOfClass", "instructorOfClass"] },
  "regenerateJoinCode(class A)": { run: (a) => access.regenerateJoinCode(a, "class-a"), allowed: ["instructorOfClass"] },
  "removeStudent(class A, its student)": { run: (a) => access.removeStudent(a, "class-a", "student-a"), allowed: ["instructorOfClass"] },
  "assignLesson(class A)": {
    run: (a) => access.assignLesson(a, { classId: "class-a", lessonSlug: "bike-lane-vote", dueAt: null, showAnswersAfterSubmit: false }),
    allowed: ["instructorOfClass"],
  },
  "unassignLesson(class A)": { run: (a) => access.unassignLesson(a, "class-a", "assign-a"), allowed: ["instructorOfClass"] },
  "unassignLesson(class B's assignment through class A)": { run: (a) => access.unassignLesson(a, "class-a", "assign-b"), allowed: [] },
  "leaveClass(class A)": { run: (a) => access.leaveClass(a, "class-a"), allowed: ["studentOfClass"] },
  "createClass": { run: (a) => access.createClass(a, { name: "New" }), allowed: ["instructorOfClass", "otherInstructor"] },
  "joinClass(class A's code)": { run: (a) => access.joinClass(a, "aaaaa-aaaaa"), allowed: ["studentOfClass", "studentOfOther"] },
  "listAssignableLessons": { run: (a) => access.listAssignableLessons(a), allowed: ["instructorOfClass", "otherInstructor"] },
  "listMyClasses": { run: (a) => access.listMyClasses(a), allowed: ["studentOfClass", "studentOfOther", "instructorOfClass", "otherInstructor"] },
};

for (const [name, op] of Object.entries(operations)) {
  for (const who of Object.keys(actors) as Who[]) {
    const expected = op.allowed.includes(who) ? "allow" : "deny";
    test(`${name} by ${who}: ${expected}`, async () => {
      resetWorld();
      const before = dumpDatabase(db);
      if (expected === "allow") {
        await op.run(actors[who]);
      } else {
        await assert.rejects(op.run(actors[who]), (err) => err instanceof ForbiddenError || err instanceof NotFoundError || err instanceof DomainError);
        assert.deepEqual(dumpDatabase(db), before, "a denied call changes nothing");
      }
    });
  }
}

test("what each actor's class list and class page show", async () => {
  resetWorld();
  assert.deepEqual((await access.listMyClasses(actors.studentOfClass)).map((c) => c.id), ["class-a"]);
  assert.deepEqual((await access.listMyClasses(actors.otherInstructor)).map((c) => [c.id, c.studentCount]), [["class-b", 1]]);
  const asStudent = await access.getClass(actors.studentOfClass, "class-a");
  assert.equal(asStudent.teaching, null, "a student sees neither the roster nor the join code");
  const asInstructor = await access.getClass(actors.instructorOfClass, "class-a");
  assert.deepEqual(asInstructor.teaching?.roster.map((s) => s.id), ["student-a"]);
  assert.equal(asInstructor.teaching?.joinCode, "AAAAAAAAAA");
});

test("an expired or unknown join code says so, and a removed student can no longer see the class", async () => {
  resetWorld();
  await assert.rejects(access.joinClass(actors.studentOfOther, "ZZZZZZZZZZ"), /No class has that code/);
  await assert.rejects(access.joinClass(actors.studentOfOther, "AAAAAAAAAA", new Date("2200-01-01")), /expired/);
  await access.removeStudent(actors.instructorOfClass, "class-a", "student-a");
  await assert.rejects(access.getClass(actors.studentOfClass, "class-a"), NotFoundError);
});

test("a regenerated code replaces the old one", async () => {
  resetWorld();
  const code = await access.regenerateJoinCode(actors.instructorOfClass, "class-a");
  assert.notEqual(code, "AAAAAAAAAA");
  await assert.rejects(access.joinClass(actors.studentOfOther, "AAAAAAAAAA"), /No class has that code/);
  await access.joinClass(actors.studentOfOther, code);
  assert.deepEqual((await access.listMyClasses(actors.studentOfOther)).map((c) => c.id).sort(), ["class-a", "class-b"]);
});
