/**
 * The authorization matrix: each data-access function on classes, called by each kind of actor
 * (no session, a student of the class, a student of another class, the class's instructor,
 * another instructor), is allowed or denied as the rules say. A denial throws and changes nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { freshAppDatabase, dumpDatabase } from "@/db/testing/test-database";
import {
  answers,
  assignments,
  attempts,
  classes,
  discussionPosts,
  discussionReports,
  discussionSnapshotAnswers,
  discussionThreads,
  discussionVisits,
  enrollments,
  lessons,
  marks,
  notebookEntries,
  passages,
  questions,
  users,
} from "@/db/schema";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError, DomainError } from "@/lib/errors";
import * as access from "./classes";
import * as activity from "./discussion-activity";
import * as threads from "./discussions";
import * as moderation from "./moderation";
import * as notebook from "./notebook";
import * as readerMarks from "./marks";
import * as snapshots from "./class-snapshots";
import type { SnapshotInput } from "./class-snapshots";
import { lessonStructure } from "./lesson-structure";
import { getQuestionBank } from "./question-bank";
import { scoreSyncStatus } from "./lti-scores";
import { canSyncRoster } from "./lti-roster";

const discussions = { ...threads, ...moderation, ...snapshots, ...activity, ...notebook };

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);

const person = (userId: string, role: Actor["role"]): Actor => ({
  userId,
  role,
  name: userId,
  email: `${userId}@test`,
});
const actors = {
  none: null,
  studentOfClass: person("student-a", "student"),
  studentOfOther: person("student-b", "student"),
  instructorOfClass: person("teacher-a", "instructor"),
  otherInstructor: person("teacher-b", "instructor"),
} as const;
type Who = keyof typeof actors;

const far = new Date("2100-01-01");
/**
 * Two classes, each with its instructor, one student and one assignment. Class A's student has
 * submitted a written answer, and started a thread on a passage, which the instructor replied to.
 */
async function resetWorld() {
  for (const t of [
    marks,
    discussionReports,
    discussionSnapshotAnswers,
    discussionVisits,
    notebookEntries,
    discussionPosts,
    discussionThreads,
    answers,
    attempts,
    assignments,
    enrollments,
    classes,
    users,
  ]) {
    await db.delete(t);
  }
  for (const a of Object.values(actors)) {
    if (a)
      await db.insert(users).values({
        id: a.userId,
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash: "x",
        sessionVersion: 1,
        createdAt: new Date(),
      });
  }
  await db.insert(classes).values([
    {
      id: "class-a",
      name: "A",
      instructorId: "teacher-a",
      joinCode: "AAAAAAAAAA",
      joinCodeExpiresAt: far,
      createdAt: new Date(),
    },
    {
      id: "class-b",
      name: "B",
      instructorId: "teacher-b",
      joinCode: "BBBBBBBBBB",
      joinCodeExpiresAt: far,
      createdAt: new Date(),
    },
  ]);
  await db.insert(enrollments).values([
    { classId: "class-a", studentId: "student-a", joinedAt: new Date() },
    { classId: "class-b", studentId: "student-b", joinedAt: new Date() },
  ]);
  const lessonId = (await db.select({ id: lessons.id }).from(lessons))[0]!.id;
  await db.insert(assignments).values([
    {
      id: "assign-a",
      classId: "class-a",
      lessonId,
      dueAt: null,
      showAnswersAfterSubmit: true,
      createdAt: new Date(),
    },
    {
      id: "assign-b",
      classId: "class-b",
      lessonId,
      dueAt: null,
      showAnswersAfterSubmit: true,
      createdAt: new Date(),
    },
  ]);

  const question = (await db.select().from(questions).where(eq(questions.key, "fair-reporting")).limit(1))[0]!;
  const earlier = new Date(Date.now() - 3600_000);
  await db.insert(attempts).values({
    id: "attempt-a",
    userId: "student-a",
    lessonId,
    classId: "class-a",
    contextKey: "class-a",
    startedAt: earlier,
    lastActiveAt: earlier,
    submittedAt: earlier,
  });
  await db.insert(answers).values({
    id: "answer-a",
    attemptId: "attempt-a",
    questionId: question.id,
    questionVersion: question.version,
    response: { type: "open_response", text: "Both sides speak." },
    citedSentences: [],
    revision: 1,
    updatedAt: earlier,
    maxPoints: question.points,
  });
  await db.insert(marks).values({
    id: "mark-a",
    userId: "student-a",
    passageId: question.passageId,
    tag: "claim",
    note: "Private",
    startOffset: 0,
    endOffset: 3,
    exact: "The",
    prefix: "",
    suffix: " ",
    textVersion: "v",
    createdAt: earlier,
    updatedAt: earlier,
  });
  await db.insert(discussionThreads).values({
    id: "thread-a",
    classId: "class-a",
    passageId: question.passageId,
    kind: "discussion",
    title: "Seed",
    authorId: "student-a",
    createdAt: earlier,
    lastActivityAt: earlier,
  });
  await db.insert(discussionPosts).values([
    {
      id: "post-a-opening",
      threadId: "thread-a",
      authorId: "student-a",
      isOpening: true,
      body: "Opening",
      createdAt: earlier,
    },
    {
      id: "post-a-reply",
      threadId: "thread-a",
      authorId: "teacher-a",
      isOpening: false,
      body: "Reply",
      createdAt: earlier,
    },
  ]);
}

const passageOfSeed = async () =>
  (
    await db
      .select({ key: passages.key })
      .from(passages)
      .innerJoin(discussionThreads, eq(discussionThreads.passageId, passages.id))
      .limit(1)
  )[0]!.key;
const snapshotOf = (classId: string): SnapshotInput => ({
  classId,
  lessonSlug: "bike-lane-vote",
  questionKey: "fair-reporting",
  answerIds: ["answer-a"],
  showNames: false,
  title: "Compare",
  note: "Read these.",
});

type Operation = (actor: Actor | null) => Promise<unknown>;
const operations: Record<string, { run: Operation; allowed: Who[] }> = {
  "getClass(class A)": {
    run: async (a) => await access.getClass(a, "class-a"),
    allowed: ["studentOfClass", "instructorOfClass"],
  },
  "regenerateJoinCode(class A)": {
    run: async (a) => await access.regenerateJoinCode(a, "class-a"),
    allowed: ["instructorOfClass"],
  },
  "removeStudent(class A, its student)": {
    run: async (a) => await access.removeStudent(a, "class-a", "student-a"),
    allowed: ["instructorOfClass"],
  },
  "assignLesson(class A)": {
    run: async (a) =>
      await access.assignLesson(a, {
        classId: "class-a",
        lessonSlug: "bike-lane-vote",
        dueAt: null,
        showAnswersAfterSubmit: false,
      }),
    allowed: ["instructorOfClass"],
  },
  "unassignLesson(class A)": {
    run: async (a) => await access.unassignLesson(a, "class-a", "assign-a"),
    allowed: ["instructorOfClass"],
  },
  "unassignLesson(class B's assignment through class A)": {
    run: async (a) => await access.unassignLesson(a, "class-a", "assign-b"),
    allowed: [],
  },
  "leaveClass(class A)": { run: async (a) => await access.leaveClass(a, "class-a"), allowed: ["studentOfClass"] },
  createClass: {
    run: (a) => access.createClass(a, { name: "New" }),
    allowed: ["instructorOfClass", "otherInstructor"],
  },
  "joinClass(class A's code)": {
    run: async (a) => await access.joinClass(a, "aaaaa-aaaaa"),
    allowed: ["studentOfClass", "studentOfOther"],
  },
  listAssignableLessons: {
    run: async (a) => await access.listAssignableLessons(a),
    allowed: ["instructorOfClass", "otherInstructor"],
  },
  listMyClasses: {
    run: async (a) => await access.listMyClasses(a),
    allowed: ["studentOfClass", "studentOfOther", "instructorOfClass", "otherInstructor"],
  },

  "getPassageDiscussion(class A)": {
    run: async (a) =>
      await discussions.getPassageDiscussion(a, {
        lessonSlug: "bike-lane-vote",
        passageKey: await passageOfSeed(),
        classId: "class-a",
      }),
    allowed: ["studentOfClass", "instructorOfClass"],
  },
  "startThread(class A)": {
    run: async (a) =>
      discussions.startThread(a, {
        lessonSlug: "bike-lane-vote",
        passageKey: await passageOfSeed(),
        classId: "class-a",
        title: "New",
        body: "Hello",
      }),
    allowed: ["studentOfClass", "instructorOfClass"],
  },
  "replyToThread(class A's thread)": {
    run: (a) => discussions.replyToThread(a, { threadId: "thread-a", body: "Hi" }),
    allowed: ["studentOfClass", "instructorOfClass"],
  },
  "editPost(class A's student's post)": {
    run: (a) => discussions.editPost(a, { postId: "post-a-opening", body: "Edited" }),
    allowed: ["studentOfClass"],
  },
  "deletePost(class A's student's post)": {
    run: (a) => discussions.deletePost(a, "post-a-opening"),
    allowed: ["studentOfClass"],
  },
  "moderateThread(class A's thread)": {
    run: (a) => discussions.moderateThread(a, { threadId: "thread-a", pinned: true, locked: true }),
    allowed: ["instructorOfClass"],
  },
  "setPostHidden(class A's post)": {
    run: (a) => discussions.setPostHidden(a, { postId: "post-a-opening", hidden: true }),
    allowed: ["instructorOfClass"],
  },
  "reportPost(class A's instructor's reply)": {
    run: (a) => discussions.reportPost(a, { postId: "post-a-reply", reason: "Off topic" }),
    allowed: ["studentOfClass"],
  },
  "dismissReports(class A's post)": {
    run: (a) => discussions.dismissReports(a, "post-a-opening"),
    allowed: ["instructorOfClass"],
  },
  "listOpenReports(class A)": {
    run: async (a) => await discussions.listOpenReports(a, "class-a"),
    allowed: ["instructorOfClass"],
  },
  "listShareableAnswers(class A)": {
    run: async (a) =>
      await discussions.listShareableAnswers(a, {
        classId: "class-a",
        lessonSlug: "bike-lane-vote",
        questionKey: "fair-reporting",
      }),
    allowed: ["instructorOfClass"],
  },
  "shareSnapshot(class A)": {
    run: (a) => discussions.shareSnapshot(a, snapshotOf("class-a")),
    allowed: ["instructorOfClass"],
  },
  "shareSnapshot(class A's answer through class B)": {
    run: (a) => discussions.shareSnapshot(a, snapshotOf("class-b")),
    allowed: [],
  },
  "createMark (a private mark on the text)": {
    run: async (a) => {
      const passageKey = await passageOfSeed();
      const { model } = (await lessonStructure(db, "bike-lane-vote")).passagesByKey.get(passageKey)!;
      return await readerMarks.createMark(a, {
        lessonSlug: "bike-lane-vote",
        passageKey,
        textVersion: model.version,
        start: 0,
        end: 5,
        tag: "evidence",
      });
    },
    allowed: ["studentOfClass", "studentOfOther", "instructorOfClass", "otherInstructor"],
  },
  "listMyMarks (each reader's own)": {
    run: async (a) =>
      await readerMarks.listMyMarks(a, { lessonSlug: "bike-lane-vote", passageKey: await passageOfSeed() }),
    allowed: ["studentOfClass", "studentOfOther", "instructorOfClass", "otherInstructor"],
  },
  "updateMark(class A's student's mark)": {
    run: (a) => readerMarks.updateMark(a, { id: "mark-a", note: "Changed" }),
    allowed: ["studentOfClass"],
  },
  "deleteMark(class A's student's mark)": {
    run: (a) => readerMarks.deleteMark(a, "mark-a"),
    allowed: ["studentOfClass"],
  },
  "getClassMarks(class A)": {
    run: async (a) => await readerMarks.getClassMarks(a, "class-a", "bike-lane-vote"),
    allowed: ["instructorOfClass"],
  },
  "getQuestionBank (the lesson's answer keys)": {
    run: async (a) => await getQuestionBank(a, "bike-lane-vote"),
    allowed: ["instructorOfClass", "otherInstructor"],
  },
  "canSyncRoster (whether the class's LMS shares its roster)": {
    run: async (a) => await canSyncRoster(a, "class-a"),
    allowed: ["instructorOfClass"],
  },
  "scoreSyncStatus (the class's scores in its LMS)": {
    run: async (a) => await scoreSyncStatus(a, "class-a"),
    allowed: ["instructorOfClass"],
  },
  getDiscussionActivity: {
    run: async (a) => await discussions.getDiscussionActivity(a, "bike-lane-vote"),
    allowed: ["studentOfClass", "studentOfOther", "instructorOfClass", "otherInstructor"],
  },
};

for (const [name, op] of Object.entries(operations)) {
  for (const who of Object.keys(actors) as Who[]) {
    const expected = op.allowed.includes(who) ? "allow" : "deny";
    test(`${name} by ${who}: ${expected}`, async () => {
      await resetWorld();
      const before = await dumpDatabase(db);
      if (expected === "allow") {
        await op.run(actors[who]);
      } else {
        await assert.rejects(
          op.run(actors[who]),
          (err) => err instanceof ForbiddenError || err instanceof NotFoundError || err instanceof DomainError,
        );
        assert.deepEqual(await dumpDatabase(db), before, "a denied call changes nothing");
      }
    });
  }
}

test("what each actor's class list and class page show", async () => {
  await resetWorld();
  assert.deepEqual(
    (await access.listMyClasses(actors.studentOfClass)).map((c) => c.id),
    ["class-a"],
  );
  assert.deepEqual(
    (await access.listMyClasses(actors.otherInstructor)).map((c) => [c.id, c.studentCount]),
    [["class-b", 1]],
  );
  const asStudent = await access.getClass(actors.studentOfClass, "class-a");
  assert.equal(asStudent.teaching, null, "a student sees neither the roster nor the join code");
  const asInstructor = await access.getClass(actors.instructorOfClass, "class-a");
  assert.deepEqual(
    asInstructor.teaching?.roster.map((s) => s.id),
    ["student-a"],
  );
  assert.equal(asInstructor.teaching?.joinCode, "AAAAAAAAAA");
});

test("an expired or unknown join code says so, and a removed student can no longer see the class", async () => {
  await resetWorld();
  await assert.rejects(access.joinClass(actors.studentOfOther, "ZZZZZZZZZZ"), /No class has that code/);
  await assert.rejects(access.joinClass(actors.studentOfOther, "AAAAAAAAAA", new Date("2200-01-01")), /expired/);
  await access.removeStudent(actors.instructorOfClass, "class-a", "student-a");
  await assert.rejects(access.getClass(actors.studentOfClass, "class-a"), NotFoundError);
});

test("a regenerated code replaces the old one", async () => {
  await resetWorld();
  const code = await access.regenerateJoinCode(actors.instructorOfClass, "class-a");
  assert.notEqual(code, "AAAAAAAAAA");
  await assert.rejects(access.joinClass(actors.studentOfOther, "AAAAAAAAAA"), /No class has that code/);
  await access.joinClass(actors.studentOfOther, code);
  assert.deepEqual((await access.listMyClasses(actors.studentOfOther)).map((c) => c.id).sort(), ["class-a", "class-b"]);
});
