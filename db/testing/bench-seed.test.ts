import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { freshAppDatabase } from "@/db/testing/test-database";
import { attempts, classes, enrollments, users } from "@/db/schema";
import { importLessonFolders, lessonsRoot } from "@/content/import";
import { listLessonFolders } from "@/content/load";
import type { Actor } from "@/lib/actor";
import { seedBenchmark } from "./bench-seed";
import { integrityProblems, readAttemptsForAudit } from "./crash-audit";
import { saveDraft, submitLesson } from "@/db/access/answers";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, listLessonFolders(lessonsRoot))).ok);
const lesson = "tajikistan-islamic-state";

async function actorOf(email: string): Promise<Actor> {
  const u = (await db.select().from(users).where(eq(users.email, email)).limit(1))[0]!;
  return { userId: u.id, role: u.role, name: u.name, email: u.email };
}

test("unsubmitted seeding makes classes of enrolled students who have not started the lesson, named by the prefix", async () => {
  const seeded = await seedBenchmark(db, {
    classes: 2,
    studentsPerClass: 3,
    lessonSlug: lesson,
    passwordHash: "x",
    submitted: false,
    prefix: "soak",
  });
  assert.deepEqual(
    seeded.classes.map((c) => [c.name, c.instructorEmail, c.studentEmails]),
    [
      [
        "Soak class 1",
        "soak-instructor1@soak.test",
        ["soak-student1@soak.test", "soak-student2@soak.test", "soak-student3@soak.test"],
      ],
      [
        "Soak class 2",
        "soak-instructor2@soak.test",
        ["soak-student4@soak.test", "soak-student5@soak.test", "soak-student6@soak.test"],
      ],
    ],
  );
  assert.equal(seeded.classId, seeded.classes[0]!.id);
  for (const c of seeded.classes) {
    assert.equal((await db.select().from(enrollments).where(eq(enrollments.classId, c.id))).length, 3);
    assert.deepEqual(await db.select().from(attempts).where(eq(attempts.classId, c.id)), []);
  }
  assert.deepEqual(await readAttemptsForAudit(db, lesson), []);
});

test("the default seeding still has every student submitted, and a second prefix does not collide with the first", async () => {
  const seeded = await seedBenchmark(db, {
    classes: 1,
    studentsPerClass: 2,
    lessonSlug: lesson,
    passwordHash: "x",
    prefix: "crowd",
  });
  assert.equal(
    (await db.select().from(classes).where(eq(classes.id, seeded.classId)).limit(1))[0]!.joinCode,
    "CROWD00001",
  );
  const rows = await db.select().from(attempts).where(eq(attempts.classId, seeded.classId));
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => r.submittedAt instanceof Date));
  await assert.rejects(
    async () =>
      await seedBenchmark(db, {
        classes: 1,
        studentsPerClass: 1,
        lessonSlug: lesson,
        passwordHash: "x",
        prefix: "Bad prefix",
      }),
    /lowercase letters/,
  );
});

test("the audit reads drafts as ungraded and a submission's automatically graded answers as graded", async () => {
  const seeded = await seedBenchmark(db, {
    classes: 1,
    studentsPerClass: 2,
    lessonSlug: lesson,
    passwordHash: "x",
    submitted: false,
    prefix: "audit",
  });
  const [drafter, submitter] = await Promise.all(seeded.classes[0]!.studentEmails.map(actorOf));
  const save = (who: Actor, questionKey: string, response: unknown) =>
    saveDraft(who, { lessonSlug: lesson, questionKey, contextKey: seeded.classId, response });
  // A single choice and an open response of the first passage.
  for (const who of [drafter!, submitter!]) {
    await save(who, "opening-claim-whose", { type: "single_choice", optionId: null });
    await save(who, "headline-claim-strength", { type: "open_response", text: "first" });
    await save(who, "headline-claim-strength", { type: "open_response", text: "second" });
  }
  await submitLesson(submitter!, lesson, seeded.classId);

  const audit = new Map(
    (await readAttemptsForAudit(db, lesson)).filter((a) => a.email.startsWith("audit-")).map((a) => [a.email, a]),
  );
  const draft = audit.get(drafter!.email)!;
  assert.equal(draft.submittedAt, null);
  assert.deepEqual(draft.answers.map((a) => [a.questionKey, a.revision, a.autoGraded, a.autoScore]).sort(), [
    ["headline-claim-strength", 2, false, null],
    ["opening-claim-whose", 1, true, null],
  ]);
  assert.deepEqual(draft.answers.find((a) => a.questionKey === "headline-claim-strength")!.response, {
    type: "open_response",
    text: "second",
  });
  const submitted = audit.get(submitter!.email)!;
  assert.ok(submitted.submittedAt instanceof Date);
  assert.deepEqual(submitted.answers.map((a) => [a.questionKey, a.autoScore]).sort(), [
    ["headline-claim-strength", null],
    ["opening-claim-whose", 0],
  ]);
  assert.deepEqual(await integrityProblems(db), []);
});
