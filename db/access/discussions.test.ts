/**
 * Discussions: threads and replies in a class, moderation and reports, the posting rate limit,
 * separation between classes, snapshots of shared answers, activity counts, and the notebook of
 * a learner without a class. Each test builds its own people and classes in one shared database.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { freshAppDatabase, dumpDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { answers, assignments, attempts, classes, enrollments, lessons, questions } from "@/db/schema";
import { importLessonFolders } from "@/content/import";
import { fixtureLessonDir } from "@/content/fixtures/lesson-fixture";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError, RateLimitError } from "@/lib/errors";
import type { PassageDiscussion, ThreadView } from "@/lib/discussion/view";
import { deletePost, editPost, getPassageDiscussion, replyToThread, startThread } from "./discussions";
import { dismissReports, listOpenReports, moderateThread, reportPost, setPostHidden } from "./moderation";
import { getDiscussionActivity } from "./discussion-activity";
import { listShareableAnswers, shareSnapshot } from "./class-snapshots";
import { saveNotebookEntry } from "./notebook";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [fixtureLessonDir])).ok);

const lessonSlug = "bike-lane-vote";
const lessonId = (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, lessonSlug)).limit(1))[0]!
  .id;
/** The fixture's passages, their sentences and prompts (content/fixtures/bike-lane-vote/article.yaml). */
const twoSides = { passageKey: "two-sides", prompt: "What evidence would settle the argument?" };
const theVote = { passageKey: "the-vote", prompt: "Who gains and who loses from the trial?" };
const sentence = {
  "p01-s1":
    "The Riverside town council voted 5 to 2 on Tuesday to test a protected bike lane on Mill Street for six months.",
  "p02-s2": "Shop owners disagree.",
  "p02-s3": '"Our customers drive," said Tom Bell, who runs a bakery on the street.',
} as const;

/** Fixed times: minute m (and second s) after a base that moves on for each test, so rate windows never overlap. */
let base = new Date("2030-01-01T09:00:00Z").getTime();
function clock() {
  base += 24 * 3600_000;
  const start = base;
  return (minutes: number, seconds = 0) => new Date(start + minutes * 60_000 + seconds * 1000);
}

let n = 0;
const person = (role: Actor["role"], name?: string) => insertPerson(db, role, name);

/** A class of this instructor with the fixture lesson assigned, and these students enrolled. */
async function classWith(
  teacher: Actor,
  students: Actor[],
  name = `Class ${++n}`,
  dueAt: Date | null = null,
): Promise<string> {
  const id = `class-${++n}`;
  await db.insert(classes).values({
    id,
    name,
    instructorId: teacher.userId,
    joinCode: randomUUID().slice(0, 10).toUpperCase(),
    joinCodeExpiresAt: new Date("2100-01-01"),
    createdAt: new Date(),
  });
  await db
    .insert(assignments)
    .values({ id: `assign-${id}`, classId: id, lessonId, dueAt, showAnswersAfterSubmit: true, createdAt: new Date() });
  for (const s of students) await enroll(id, s);
  return id;
}

async function enroll(classId: string, student: Actor) {
  await db.insert(enrollments).values({ classId, studentId: student.userId, joinedAt: new Date() });
}

/** The student's attempt at the lesson in the class, with an answer to the open-response question; returns the answer id. */
async function answer(
  student: Actor,
  classId: string,
  text: string,
  opts: { submitted?: boolean; cited?: string[] } = {},
): Promise<string> {
  const q = (
    await db
      .select()
      .from(questions)
      .where(and(eq(questions.lessonId, lessonId), eq(questions.key, "fair-reporting")))
      .limit(1)
  )[0]!;
  const attemptId = randomUUID();
  const at = new Date("2029-12-01T00:00:00Z");
  await db.insert(attempts).values({
    id: attemptId,
    userId: student.userId,
    lessonId,
    classId,
    contextKey: classId,
    startedAt: at,
    lastActiveAt: at,
    submittedAt: opts.submitted === false ? null : at,
  });
  const answerId = randomUUID();
  await db.insert(answers).values({
    id: answerId,
    attemptId,
    questionId: q.id,
    questionVersion: q.version,
    response: { type: "open_response", text },
    citedSentences: opts.cited ?? [],
    revision: 1,
    updatedAt: at,
    maxPoints: q.points,
  });
  return answerId;
}

type ClassDiscussion = Extract<PassageDiscussion, { mode: "class" }>;
function inClass(d: PassageDiscussion): ClassDiscussion {
  assert.equal(d.mode, "class");
  return d as ClassDiscussion;
}
async function view(actor: Actor, classId: string, passageKey: string, now: Date): Promise<ClassDiscussion> {
  return inClass(await getPassageDiscussion(actor, { lessonSlug, passageKey, classId }, now));
}
function thread(d: ClassDiscussion, title: string): ThreadView {
  const t = d.threads.find((x) => x.title === title);
  assert.ok(t, `thread "${title}" is listed`);
  return t;
}
const titles = (d: ClassDiscussion) => d.threads.map((t) => t.title);
/** The id of the thread a call just started (the one with this title). */
const idOf = (d: PassageDiscussion, title: string) => thread(inClass(d), title).id;

async function refusedWithoutWriting(call: () => Promise<unknown>, error: new (...args: never[]) => Error) {
  const before = await dumpDatabase(db);
  await assert.rejects(call(), error);
  assert.deepEqual(await dumpDatabase(db), before, "a refused call writes nothing");
}

test("a student starts a thread from a prompt, quoting a sentence; a classmate replies; both see it, newest activity first, pinned on top", async () => {
  const at = clock();
  const teacher = await person("instructor", "Ms Teacher");
  const ada = await person("student", "Ada");
  const ben = await person("student", "Ben");
  const classId = await classWith(teacher, [ada, ben], "Period 1");

  const started = inClass(
    await startThread(
      ada,
      {
        lessonSlug,
        passageKey: twoSides.passageKey,
        classId,
        title: "What would settle it?",
        body: "Counts of riders.",
        prompt: twoSides.prompt,
        quotedSentenceId: "p02-s2",
      },
      at(0),
    ),
  );
  assert.equal(started.className, "Period 1");
  assert.equal(started.moderator, false);
  assert.deepEqual(started.prompts, [twoSides.prompt]);
  const first = thread(started, "What would settle it?");
  assert.equal(first.kind, "discussion");
  assert.equal(first.prompt, twoSides.prompt);
  assert.equal(first.opening.body, "Counts of riders.");
  assert.deepEqual(first.opening.quote, { id: "p02-s2", text: sentence["p02-s2"] });
  assert.equal(first.opening.authorName, "Ada");
  assert.equal(first.opening.isYours, true);
  assert.equal(first.opening.canEdit, true);
  assert.equal(first.opening.canReport, false, "nobody reports their own post");
  assert.equal(first.lastActivityAt, at(0).toISOString());

  await replyToThread(ben, { threadId: first.id, body: "And of shoppers.", quotedSentenceId: "p02-s3" }, at(1));
  await startThread(
    ben,
    { lessonSlug, passageKey: twoSides.passageKey, classId, title: "Parking", body: "Where do cars go?" },
    at(2),
  );

  for (const [who, reader] of [
    ["Ada", ada],
    ["Ben", ben],
  ] as const) {
    const seen = await view(reader, classId, twoSides.passageKey, at(3));
    assert.deepEqual(titles(seen), ["Parking", "What would settle it?"], `${who}: newest activity first`);
    const t = thread(seen, "What would settle it?");
    assert.equal(t.opening.authorName, "Ada");
    assert.equal(t.replies.length, 1);
    assert.equal(t.replies[0]?.authorName, "Ben");
    assert.equal(t.replies[0]?.body, "And of shoppers.");
    assert.deepEqual(t.replies[0]?.quote, { id: "p02-s3", text: sentence["p02-s3"] });
    assert.equal(t.replies[0]?.isYours, reader === ben);
    assert.equal(t.replies[0]?.canReport, reader === ada);
    assert.equal(t.lastActivityAt, at(1).toISOString(), "a reply moves the thread's activity");
    assert.equal(thread(seen, "Parking").prompt, null);
  }
  // Nothing leaks to the lesson's other passage.
  assert.deepEqual((await view(ada, classId, theVote.passageKey, at(3))).threads, []);

  // A new reply brings the older thread back to the top.
  await replyToThread(ada, { threadId: first.id, body: "Good point." }, at(4));
  assert.deepEqual(titles(await view(ben, classId, twoSides.passageKey, at(5))), ["What would settle it?", "Parking"]);

  // The instructor pins the other thread: it stays on top whatever is newer.
  const pinned = inClass(
    await moderateThread(
      teacher,
      { threadId: idOf(await view(teacher, classId, twoSides.passageKey, at(5)), "Parking"), pinned: true },
      at(6),
    ),
  );
  assert.equal(pinned.moderator, true);
  assert.deepEqual(titles(pinned), ["Parking", "What would settle it?"]);
  await replyToThread(ben, { threadId: first.id, body: "Still newer." }, at(7));
  const afterPin = await view(ada, classId, twoSides.passageKey, at(8));
  assert.deepEqual(titles(afterPin), ["Parking", "What would settle it?"]);
  assert.equal(afterPin.threads[0]?.pinned, true);
  assert.deepEqual(
    thread(afterPin, "What would settle it?").replies.map((r) => r.body),
    ["And of shoppers.", "Good point.", "Still newer."],
    "replies in time order",
  );

  // The instructor's replies say so.
  await replyToThread(teacher, { threadId: first.id, body: "Keep going." }, at(9));
  const last = thread(await view(ada, classId, twoSides.passageKey, at(10)), "What would settle it?").replies.at(-1)!;
  assert.equal(last.authorName, "Ms Teacher");
  assert.equal(last.authorIsInstructor, true);
});

test("a prompt or a quoted sentence that is not the passage's is refused and writes nothing", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student");
  const classId = await classWith(teacher, [ada]);
  const fields = { lessonSlug, passageKey: twoSides.passageKey, classId, title: "T", body: "B" };

  await refusedWithoutWriting(() => startThread(ada, { ...fields, prompt: theVote.prompt }, at(0)), DomainError);
  await refusedWithoutWriting(
    () => startThread(ada, { ...fields, prompt: "A prompt nobody wrote" }, at(0)),
    DomainError,
  );
  await refusedWithoutWriting(() => startThread(ada, { ...fields, quotedSentenceId: "p01-s1" }, at(0)), DomainError);
  await refusedWithoutWriting(
    () => startThread(ada, { ...fields, quotedSentenceId: "no-such-sentence" }, at(0)),
    DomainError,
  );

  const started = await startThread(ada, { ...fields, quotedSentenceId: "p02-s2" }, at(1));
  const threadId = idOf(started, "T");
  const postId = thread(inClass(started), "T").opening.id;
  await refusedWithoutWriting(
    () => replyToThread(ada, { threadId, body: "R", quotedSentenceId: "p01-s1" }, at(2)),
    DomainError,
  );
  await refusedWithoutWriting(
    () => editPost(ada, { postId, body: "Edited", quotedSentenceId: "p01-s2" }, at(2)),
    DomainError,
  );
  assert.deepEqual(thread(await view(ada, classId, twoSides.passageKey, at(3)), "T").opening.quote?.id, "p02-s2");
});

test("a hidden post: its author and the instructor still see it marked hidden, classmates do not; a hidden opening post leaves its replies under a marker", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student");
  const ben = await person("student");
  const cy = await person("student");
  const classId = await classWith(teacher, [ada, ben, cy]);

  const threadId = idOf(
    await startThread(
      ada,
      { lessonSlug, passageKey: twoSides.passageKey, classId, title: "Open", body: "Hello" },
      at(0),
    ),
    "Open",
  );
  const replyId = thread(inClass(await replyToThread(ben, { threadId, body: "Something unkind." }, at(1))), "Open")
    .replies[0]!.id;

  const byTeacher = inClass(await setPostHidden(teacher, { postId: replyId, hidden: true }, at(2)));
  assert.equal(thread(byTeacher, "Open").replies[0]?.hidden, true);
  assert.equal(
    thread(await view(ben, classId, twoSides.passageKey, at(3)), "Open").replies[0]?.hidden,
    true,
    "the author sees it, marked hidden",
  );
  assert.equal(
    thread(await view(ben, classId, twoSides.passageKey, at(3)), "Open").replies[0]?.body,
    "Something unkind.",
  );
  for (const classmate of [ada, cy])
    assert.deepEqual(thread(await view(classmate, classId, twoSides.passageKey, at(3)), "Open").replies, []);
  // A post a classmate cannot see does not exist for them.
  await refusedWithoutWriting(() => reportPost(ada, { postId: replyId, reason: "rude" }, at(3)), NotFoundError);
  // It is no longer counted for them either.
  assert.deepEqual((await getDiscussionActivity(cy, lessonSlug))?.passages[twoSides.passageKey], {
    posts: 1,
    newPosts: 0,
  });

  // Shown again.
  await setPostHidden(teacher, { postId: replyId, hidden: false }, at(4));
  const shown = thread(await view(ada, classId, twoSides.passageKey, at(5)), "Open").replies;
  assert.equal(shown.length, 1);
  assert.equal(shown[0]?.hidden, false);

  // Hiding the opening post leaves the thread and its replies for classmates, behind a marker with nothing of the post.
  const openingId = thread(await view(ada, classId, twoSides.passageKey, at(5)), "Open").opening.id;
  await setPostHidden(teacher, { postId: openingId, hidden: true }, at(6));
  for (const classmate of [ben, cy]) {
    const seen = thread(await view(classmate, classId, twoSides.passageKey, at(7)), "Hidden post");
    assert.equal(seen.opening.withheld, true);
    assert.equal(seen.opening.body, "");
    assert.equal(seen.opening.authorName, "");
    assert.equal(seen.studentsSee, null);
    assert.deepEqual(
      seen.replies.map((r) => r.body),
      ["Something unkind."],
    );
  }
  assert.equal(
    thread(await view(ada, classId, twoSides.passageKey, at(7)), "Open").opening.hidden,
    true,
    "its author still sees it",
  );
  const forTeacher = thread(await view(teacher, classId, twoSides.passageKey, at(7)), "Open");
  assert.equal(forTeacher.opening.hidden, true);
  assert.equal(forTeacher.studentsSee, "replies-only", "the instructor is told what students see");
  assert.equal(forTeacher.replies.length, 1);
  assert.deepEqual(
    (await getDiscussionActivity(cy, lessonSlug))?.passages[twoSides.passageKey],
    { posts: 1, newPosts: 0 },
    "the reply counts, the hidden post does not",
  );
  // Classmates may still reply and report the replies; the hidden opening post does not exist for them.
  await replyToThread(cy, { threadId, body: "Still here." }, at(8));
  await reportPost(cy, { postId: replyId, reason: "rude" }, at(8));
  await refusedWithoutWriting(() => reportPost(cy, { postId: openingId, reason: "rude" }, at(8)), NotFoundError);
  await refusedWithoutWriting(() => setPostHidden(ben, { postId: replyId, hidden: true }, at(8)), ForbiddenError);

  // With every reply hidden too, the thread is gone for classmates, and the instructor is told so.
  for (const r of thread(await view(teacher, classId, twoSides.passageKey, at(9)), "Open").replies)
    await setPostHidden(teacher, { postId: r.id, hidden: true }, at(9));
  assert.deepEqual(titles(await view(ada, classId, twoSides.passageKey, at(10))), ["Open"], "its author still sees it");
  // The authors of the hidden replies still see their own, marked hidden, under the marker.
  for (const classmate of [ben, cy])
    assert.deepEqual(titles(await view(classmate, classId, twoSides.passageKey, at(10))), ["Hidden post"]);
  assert.equal(thread(await view(teacher, classId, twoSides.passageKey, at(10)), "Open").studentsSee, "nothing");
  const dee = await person("student");
  await enroll(classId, dee);
  assert.deepEqual(
    titles(await view(dee, classId, twoSides.passageKey, at(10))),
    [],
    "a classmate who wrote none of it sees nothing",
  );
  await refusedWithoutWriting(() => replyToThread(dee, { threadId, body: "Hello?" }, at(11)), NotFoundError);
  await refusedWithoutWriting(() => setPostHidden(ada, { postId: openingId, hidden: false }, at(8)), ForbiddenError);
});

test("a locked thread takes no replies or edits from students; the instructor can still reply", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student");
  const ben = await person("student");
  const classId = await classWith(teacher, [ada, ben]);
  const threadId = idOf(
    await startThread(
      ada,
      { lessonSlug, passageKey: twoSides.passageKey, classId, title: "Lockable", body: "First" },
      at(0),
    ),
    "Lockable",
  );

  await refusedWithoutWriting(() => moderateThread(ada, { threadId, locked: true }, at(1)), ForbiddenError);
  const locked = thread(inClass(await moderateThread(teacher, { threadId, locked: true }, at(1))), "Lockable");
  assert.equal(locked.locked, true);
  assert.equal(locked.canReply, true, "the instructor may still reply");

  const forAda = thread(await view(ada, classId, twoSides.passageKey, at(2)), "Lockable");
  assert.equal(forAda.canReply, false);
  assert.equal(forAda.opening.canEdit, false);
  await refusedWithoutWriting(() => replyToThread(ben, { threadId, body: "Late" }, at(2)), ForbiddenError);
  await refusedWithoutWriting(() => replyToThread(ada, { threadId, body: "Late" }, at(2)), ForbiddenError);
  await assert.rejects(
    editPost(ada, { postId: forAda.opening.id, body: "Changed" }, at(2)),
    (e) => e instanceof ForbiddenError && /locked/.test(e.message),
  );
  await refusedWithoutWriting(() => deletePost(ada, forAda.opening.id, at(2)), ForbiddenError);

  const replied = thread(inClass(await replyToThread(teacher, { threadId, body: "Closing this." }, at(3))), "Lockable");
  assert.deepEqual(
    replied.replies.map((r) => r.body),
    ["Closing this."],
  );

  await moderateThread(teacher, { threadId, locked: false }, at(4));
  const edited = thread(
    inClass(await editPost(ada, { postId: forAda.opening.id, body: "Changed" }, at(5))),
    "Lockable",
  );
  assert.equal(edited.opening.body, "Changed");
  assert.equal(edited.locked, false);
});

test("only the author edits or deletes a post; a deleted opening post with replies leaves a marker, without replies the thread goes", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student", "Ada");
  const ben = await person("student", "Ben");
  const outsider = await person("student");
  const classId = await classWith(teacher, [ada, ben]);
  await classWith(await person("instructor"), [outsider]);

  const started = inClass(
    await startThread(
      ada,
      {
        lessonSlug,
        passageKey: twoSides.passageKey,
        classId,
        title: "Mine",
        body: "Original",
        quotedSentenceId: "p02-s2",
      },
      at(0),
    ),
  );
  const threadId = idOf(started, "Mine");
  const openingId = thread(started, "Mine").opening.id;
  const replyId = thread(inClass(await replyToThread(ben, { threadId, body: "A reply" }, at(1))), "Mine").replies[0]!
    .id;

  for (const other of [ben, teacher]) {
    await refusedWithoutWriting(() => editPost(other, { postId: openingId, body: "Not yours" }, at(2)), ForbiddenError);
    await refusedWithoutWriting(() => deletePost(other, openingId, at(2)), ForbiddenError);
  }
  await refusedWithoutWriting(() => editPost(ada, { postId: replyId, body: "Not yours" }, at(2)), ForbiddenError);
  await refusedWithoutWriting(() => editPost(outsider, { postId: openingId, body: "Not yours" }, at(2)), NotFoundError);
  await refusedWithoutWriting(() => deletePost(outsider, openingId, at(2)), NotFoundError);
  await refusedWithoutWriting(() => editPost(null, { postId: openingId, body: "Anyone" }, at(2)), ForbiddenError);
  await refusedWithoutWriting(() => deletePost(ada, "no-such-post", at(2)), NotFoundError);

  const edited = thread(
    inClass(
      await editPost(
        ada,
        { postId: openingId, body: "Revised", title: "Mine, retitled", quotedSentenceId: "p02-s3" },
        at(3),
      ),
    ),
    "Mine, retitled",
  );
  assert.equal(edited.opening.body, "Revised");
  assert.equal(edited.opening.editedAt, at(3).toISOString());
  assert.deepEqual(edited.opening.quote, { id: "p02-s3", text: sentence["p02-s3"] });
  const replyEdited = thread(
    inClass(await editPost(ben, { postId: replyId, body: "A better reply", title: "Ignored for a reply" }, at(4))),
    "Mine, retitled",
  );
  assert.equal(replyEdited.replies[0]?.body, "A better reply");

  // Deleting the opening post of a thread with replies leaves an empty marker, and the replies.
  const afterDelete = thread(inClass(await deletePost(ada, openingId, at(5))), "Mine, retitled");
  assert.equal(afterDelete.opening.deleted, true);
  for (const reader of [ben, teacher]) {
    const t = thread(await view(reader, classId, twoSides.passageKey, at(6)), "Mine, retitled");
    assert.equal(t.opening.deleted, true);
    assert.equal(t.opening.body, "");
    assert.equal(t.opening.quote, null);
    assert.equal(t.opening.canReport, false);
    assert.deepEqual(
      t.replies.map((r) => r.body),
      ["A better reply"],
    );
  }
  assert.equal(thread(await view(ada, classId, twoSides.passageKey, at(6)), "Mine, retitled").opening.canEdit, false);
  await refusedWithoutWriting(() => editPost(ada, { postId: openingId, body: "Back" }, at(6)), ForbiddenError);
  await refusedWithoutWriting(() => deletePost(ada, openingId, at(6)), ForbiddenError);
  // Its last reply deleted, the emptied thread goes too.
  assert.deepEqual(titles(inClass(await deletePost(ben, replyId, at(7)))), []);

  // Without replies, deleting the opening post removes the thread.
  const loneOpening = thread(
    inClass(
      await startThread(
        ada,
        { lessonSlug, passageKey: twoSides.passageKey, classId, title: "Lone", body: "Solo" },
        at(8),
      ),
    ),
    "Lone",
  ).opening.id;
  assert.deepEqual(titles(inClass(await deletePost(ada, loneOpening, at(10)))), []);
  for (const reader of [ben, teacher])
    assert.deepEqual(titles(await view(reader, classId, twoSides.passageKey, at(11))), []);
});

test("reports: classmates report a post, the instructor sees the reasons; hiding settles them, dismissing clears them", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student", "Ada");
  const ben = await person("student", "Ben");
  const cy = await person("student", "Cy");
  const classId = await classWith(teacher, [ada, ben, cy]);
  const otherTeacher = await person("instructor");
  await classWith(otherTeacher, []);

  const threadId = idOf(
    await startThread(
      ada,
      { lessonSlug, passageKey: twoSides.passageKey, classId, title: "Reported", body: "Opening text" },
      at(0),
    ),
    "Reported",
  );
  const replyId = thread(inClass(await replyToThread(ben, { threadId, body: "Rude reply" }, at(1))), "Reported")
    .replies[0]!.id;
  const openingId = thread(await view(ada, classId, twoSides.passageKey, at(1)), "Reported").opening.id;

  await refusedWithoutWriting(() => reportPost(ben, { postId: replyId, reason: "mine" }, at(2)), ForbiddenError);
  await refusedWithoutWriting(() => reportPost(teacher, { postId: replyId, reason: "teacher" }, at(2)), ForbiddenError);

  const asAda = thread(inClass(await reportPost(ada, { postId: replyId, reason: "rude" }, at(2))), "Reported");
  assert.equal(asAda.replies[0]?.reportedByYou, true);
  assert.deepEqual(asAda.replies[0]?.reports, [], "students never see the reports");
  await reportPost(cy, { postId: replyId, reason: "off topic" }, at(3));
  assert.equal(
    thread(await view(ben, classId, twoSides.passageKey, at(4)), "Reported").replies[0]?.reportedByYou,
    false,
  );

  const forTeacher = thread(await view(teacher, classId, twoSides.passageKey, at(4)), "Reported");
  assert.deepEqual(forTeacher.replies[0]?.reports, [
    { reason: "rude", reporterName: "Ada" },
    { reason: "off topic", reporterName: "Cy" },
  ]);
  assert.deepEqual(await listOpenReports(teacher, classId), [
    {
      postId: replyId,
      excerpt: "Rude reply",
      authorName: "Ben",
      reasons: ["rude", "off topic"],
      lessonSlug,
      passageKey: twoSides.passageKey,
      threadTitle: "Reported",
    },
  ]);
  for (const other of [ada, otherTeacher, null])
    await assert.rejects(
      listOpenReports(other, classId),
      (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
    );

  // Hiding the post settles its reports.
  const hidden = thread(inClass(await setPostHidden(teacher, { postId: replyId, hidden: true }, at(5))), "Reported");
  assert.deepEqual(hidden.replies[0]?.reports, []);
  assert.deepEqual(await listOpenReports(teacher, classId), []);

  // A report the instructor looks at and dismisses: the post stays up.
  await reportPost(cy, { postId: openingId, reason: "spoiler" }, at(6));
  assert.deepEqual(
    (await listOpenReports(teacher, classId)).map((r) => [r.postId, r.reasons]),
    [[openingId, ["spoiler"]]],
  );
  await refusedWithoutWriting(() => dismissReports(cy, openingId, at(7)), ForbiddenError);
  await refusedWithoutWriting(() => dismissReports(otherTeacher, openingId, at(7)), NotFoundError);
  const dismissed = thread(inClass(await dismissReports(teacher, openingId, at(7))), "Reported");
  assert.deepEqual(dismissed.opening.reports, []);
  assert.deepEqual(await listOpenReports(teacher, classId), []);
  assert.equal(thread(await view(ben, classId, twoSides.passageKey, at(8)), "Reported").opening.body, "Opening text");

  // Reporting again opens it again.
  await reportPost(cy, { postId: openingId, reason: "still a spoiler" }, at(9));
  assert.deepEqual(
    (await listOpenReports(teacher, classId)).map((r) => r.reasons),
    [["still a spoiler"]],
  );
  // Deleting the post settles its reports too.
  await deletePost(ada, openingId, at(10));
  assert.deepEqual(await listOpenReports(teacher, classId), []);
});

test("the 11th post within a minute is refused with when to retry, and writes nothing; after the window it goes", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student");
  const classId = await classWith(teacher, [ada]);

  const threadId = idOf(
    await startThread(
      ada,
      { lessonSlug, passageKey: twoSides.passageKey, classId, title: "Busy", body: "1" },
      at(0, 0),
    ),
    "Busy",
  );
  for (let i = 1; i < 10; i++) await replyToThread(ada, { threadId, body: String(i + 1) }, at(0, i));

  for (const call of [
    () => replyToThread(ada, { threadId, body: "11" }, at(0, 30)),
    () =>
      startThread(
        ada,
        { lessonSlug, passageKey: theVote.passageKey, classId, title: "Another", body: "11" },
        at(0, 30),
      ),
  ]) {
    const before = await dumpDatabase(db);
    await assert.rejects(call(), (e) => {
      assert.ok(e instanceof RateLimitError);
      assert.ok(e instanceof DomainError, "a rate limit is a domain error: the form shows it");
      assert.equal(e.retryAfterSeconds, 30, "the first post leaves the window 60 s after it was written");
      assert.match(e.message, /30 seconds/);
      return true;
    });
    assert.deepEqual(await dumpDatabase(db), before);
  }
  // Others are not slowed down by Ada.
  await replyToThread(teacher, { threadId, body: "Slow down" }, at(0, 30));

  const later = thread(inClass(await replyToThread(ada, { threadId, body: "11" }, at(1, 0))), "Busy");
  assert.equal(later.replies.filter((r) => r.isYours).length, 10);
});

test("classes are kept apart: a student of two classes sees each class's threads; an outsider finds nothing", async () => {
  const at = clock();
  const teacherA = await person("instructor");
  const teacherB = await person("instructor");
  const both = await person("student");
  const onlyA = await person("student");
  const onlyB = await person("student");
  const classA = await classWith(teacherA, [both, onlyA], "Alpha");
  const classB = await classWith(teacherB, [both, onlyB], "Beta");

  const threadA = idOf(
    await startThread(
      onlyA,
      { lessonSlug, passageKey: twoSides.passageKey, classId: classA, title: "In Alpha", body: "a" },
      at(0),
    ),
    "In Alpha",
  );
  await startThread(
    onlyB,
    { lessonSlug, passageKey: twoSides.passageKey, classId: classB, title: "In Beta", body: "b" },
    at(1),
  );
  const postA = thread(await view(onlyA, classA, twoSides.passageKey, at(2)), "In Alpha").opening.id;

  const inA = await view(both, classA, twoSides.passageKey, at(2));
  assert.deepEqual(titles(inA), ["In Alpha"]);
  assert.deepEqual(inA.classes, [
    { id: classA, name: "Alpha" },
    { id: classB, name: "Beta" },
  ]);
  const inB = await view(both, classB, twoSides.passageKey, at(2));
  assert.deepEqual(titles(inB), ["In Beta"]);
  assert.equal(inB.className, "Beta");
  const first = inClass(await getPassageDiscussion(both, { lessonSlug, passageKey: twoSides.passageKey }, at(2)));
  assert.equal(first.classId, classA, "without a class: the first class with the lesson");

  // A thread started in one class is not in the other.
  await startThread(
    both,
    { lessonSlug, passageKey: twoSides.passageKey, classId: classB, title: "Both, in Beta", body: "x" },
    at(3),
  );
  assert.deepEqual(titles(await view(onlyA, classA, twoSides.passageKey, at(4))), ["In Alpha"]);
  assert.deepEqual(titles(await view(onlyB, classB, twoSides.passageKey, at(4))), ["Both, in Beta", "In Beta"]);

  for (const outsider of [onlyB, teacherB]) {
    await refusedWithoutWriting(
      async () =>
        await getPassageDiscussion(outsider, { lessonSlug, passageKey: twoSides.passageKey, classId: classA }, at(5)),
      NotFoundError,
    );
    await refusedWithoutWriting(() => replyToThread(outsider, { threadId: threadA, body: "Hi" }, at(5)), NotFoundError);
    await refusedWithoutWriting(
      () =>
        startThread(
          outsider,
          { lessonSlug, passageKey: twoSides.passageKey, classId: classA, title: "In", body: "x" },
          at(5),
        ),
      NotFoundError,
    );
    await refusedWithoutWriting(() => reportPost(outsider, { postId: postA, reason: "x" }, at(5)), NotFoundError);
    await refusedWithoutWriting(
      () => moderateThread(outsider, { threadId: threadA, pinned: true }, at(5)),
      NotFoundError,
    );
    await refusedWithoutWriting(() => setPostHidden(outsider, { postId: postA, hidden: true }, at(5)), NotFoundError);
  }
  await refusedWithoutWriting(
    async () =>
      await getPassageDiscussion(null, { lessonSlug, passageKey: twoSides.passageKey, classId: classA }, at(5)),
    ForbiddenError,
  );
  await refusedWithoutWriting(
    () => replyToThread(onlyA, { threadId: "no-such-thread", body: "Hi" }, at(5)),
    NotFoundError,
  );
  await refusedWithoutWriting(
    async () =>
      await getPassageDiscussion(onlyA, { lessonSlug, passageKey: "no-such-passage", classId: classA }, at(5)),
    NotFoundError,
  );

  // A student who leaves the class loses its discussion.
  await db.delete(enrollments).where(and(eq(enrollments.classId, classA), eq(enrollments.studentId, onlyA.userId)));
  await refusedWithoutWriting(
    async () =>
      await getPassageDiscussion(onlyA, { lessonSlug, passageKey: twoSides.passageKey, classId: classA }, at(6)),
    NotFoundError,
  );
  await refusedWithoutWriting(() => replyToThread(onlyA, { threadId: threadA, body: "Back" }, at(6)), NotFoundError);
});

test("snapshots: the instructor shares chosen submitted answers; students who submitted see them anonymously, others wait", async () => {
  const at = clock();
  const teacher = await person("instructor", "Ms Snap");
  const ada = await person("student", "Ada Lovelace");
  const ben = await person("student", "Ben Okri");
  const cy = await person("student", "Cy Twombly");
  const gone = await person("student", "Gone Student");
  const classId = await classWith(teacher, [ada, ben, cy, gone]);
  const otherTeacher = await person("instructor");
  const elsewhere = await person("student", "Elsewhere");
  const otherClass = await classWith(otherTeacher, [elsewhere]);

  const adaAnswer = await answer(ada, classId, "Only one shop owner speaks.", { cited: ["p02-s3", "p01-s1"] });
  const benAnswer = await answer(ben, classId, "Both sides get a quote.");
  await answer(cy, classId, "A draft, not submitted.", { submitted: false });
  await answer(gone, classId, "Submitted, then left the class.");
  await db.delete(enrollments).where(and(eq(enrollments.classId, classId), eq(enrollments.studentId, gone.userId)));
  const elsewhereAnswer = await answer(elsewhere, otherClass, "From another class.");

  const shareable = await listShareableAnswers(teacher, { classId, lessonSlug, questionKey: "fair-reporting" });
  assert.equal(shareable.passageKey, twoSides.passageKey);
  assert.equal(shareable.question, "Does the story give both sides a fair hearing?");
  assert.deepEqual(shareable.answers, [
    { answerId: adaAnswer, studentName: "Ada Lovelace", text: "Only one shop owner speaks." },
    { answerId: benAnswer, studentName: "Ben Okri", text: "Both sides get a quote." },
  ]);
  await assert.rejects(listShareableAnswers(teacher, { classId, lessonSlug, questionKey: "vote-count" }), DomainError);
  for (const other of [ada, otherTeacher, null]) {
    await assert.rejects(
      listShareableAnswers(other, { classId, lessonSlug, questionKey: "fair-reporting" }),
      (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
    );
  }

  const input = {
    classId,
    lessonSlug,
    questionKey: "fair-reporting",
    showNames: false,
    title: "Compare",
    note: "Which is stronger?",
  };
  // Answers of another class, of a student who left, drafts, nothing, or too many: refused, nothing written.
  await refusedWithoutWriting(
    () => shareSnapshot(teacher, { ...input, answerIds: [adaAnswer, elsewhereAnswer] }, at(0)),
    DomainError,
  );
  await refusedWithoutWriting(() => shareSnapshot(teacher, { ...input, answerIds: [] }, at(0)), DomainError);
  await refusedWithoutWriting(
    () => shareSnapshot(teacher, { ...input, answerIds: Array.from({ length: 13 }, () => randomUUID()) }, at(0)),
    DomainError,
  );
  await refusedWithoutWriting(
    () => shareSnapshot(otherTeacher, { ...input, answerIds: [adaAnswer] }, at(0)),
    NotFoundError,
  );
  await refusedWithoutWriting(
    () => shareSnapshot(otherTeacher, { ...input, classId: otherClass, answerIds: [adaAnswer] }, at(0)),
    DomainError,
  );
  await refusedWithoutWriting(() => shareSnapshot(ada, { ...input, answerIds: [adaAnswer] }, at(0)), NotFoundError);

  const shared = await shareSnapshot(teacher, { ...input, answerIds: [benAnswer, adaAnswer] }, at(1));
  assert.equal(shared.passageKey, twoSides.passageKey);
  assert.equal(shared.lessonSlug, lessonSlug);

  for (const [reader, yours] of [
    [ada, [false, true]],
    [ben, [true, false]],
  ] as const) {
    const d = await view(reader, classId, twoSides.passageKey, at(2));
    assert.equal(d.snapshotsAfterSubmitting, 0);
    const t = thread(d, "Compare");
    assert.equal(t.id, shared.threadId);
    assert.equal(t.kind, "snapshot");
    assert.equal(t.opening.body, "Which is stronger?");
    assert.equal(t.opening.authorIsInstructor, true);
    assert.equal(t.snapshot?.question, "Does the story give both sides a fair hearing?");
    assert.equal(t.snapshot?.named, false);
    // Anonymous answers are shuffled, so their labels do not follow the instructor's (alphabetical) list.
    assert.deepEqual(
      t.snapshot?.answers.map((a) => a.label),
      ["Reader A", "Reader B"],
    );
    const byText = [...(t.snapshot?.answers ?? [])].sort((a, b) => a.text.localeCompare(b.text));
    assert.deepEqual(
      byText.map((a) => a.text),
      ["Both sides get a quote.", "Only one shop owner speaks."],
    );
    assert.deepEqual(
      byText.map((a) => a.isYours),
      yours,
    );
    assert.deepEqual(
      byText[1]?.cited,
      [{ id: "p02-s3", text: sentence["p02-s3"] }],
      "only sentences of this passage are shown as cited",
    );
    const text = JSON.stringify(t);
    for (const name of ["Ada", "Ben", "Lovelace", "Okri"])
      assert.ok(!text.includes(name), `no student names in an anonymous snapshot (${name})`);
  }

  // Cy has not submitted: the snapshot waits, and cannot be replied to.
  const forCy = await view(cy, classId, twoSides.passageKey, at(2));
  assert.deepEqual(titles(forCy), []);
  assert.equal(forCy.snapshotsAfterSubmitting, 1);
  await refusedWithoutWriting(
    () => replyToThread(cy, { threadId: shared.threadId, body: "Let me see" }, at(3)),
    NotFoundError,
  );
  await refusedWithoutWriting(
    () => moderateThread(cy, { threadId: shared.threadId, pinned: true }, at(3)),
    NotFoundError,
  );
  assert.equal(
    (await getDiscussionActivity(cy, lessonSlug))?.passages[twoSides.passageKey],
    undefined,
    "nor is it counted for them",
  );

  // A student who submitted can reply.
  const replied = thread(
    inClass(await replyToThread(ada, { threadId: shared.threadId, body: "I agree with Reader A." }, at(4))),
    "Compare",
  );
  assert.deepEqual(
    replied.replies.map((r) => r.body),
    ["I agree with Reader A."],
  );

  // The instructor sees it, and may show names.
  assert.equal(thread(await view(teacher, classId, twoSides.passageKey, at(5)), "Compare").snapshot?.answers.length, 2);
  await shareSnapshot(teacher, { ...input, title: "Named", answerIds: [adaAnswer, adaAnswer], showNames: true }, at(6));
  const named = thread(await view(ben, classId, twoSides.passageKey, at(7)), "Named");
  assert.equal(named.snapshot?.named, true);
  assert.deepEqual(
    named.snapshot?.answers.map((a) => a.label),
    ["Ada Lovelace"],
    "repeated ids are shared once",
  );
  assert.equal((await view(cy, classId, twoSides.passageKey, at(7))).snapshotsAfterSubmitting, 2);

  // Once Cy submits, the snapshots are there.
  await db
    .update(attempts)
    .set({ submittedAt: at(8) })
    .where(and(eq(attempts.userId, cy.userId), eq(attempts.contextKey, classId)));
  assert.deepEqual(titles(await view(cy, classId, twoSides.passageKey, at(9))), ["Named", "Compare"]);

  // Submitting the lesson with this question left blank does not open them: a snapshot is for comparing one's own answer.
  const dee = await person("student");
  await enroll(classId, dee);
  await answer(dee, classId, "   ");
  const forDee = await view(dee, classId, twoSides.passageKey, at(10));
  assert.deepEqual(titles(forDee), []);
  assert.equal(forDee.snapshotsAfterSubmitting, 2);
});

test("activity: posts per passage, and how many are new since the last visit; one's own posts are never new", async () => {
  const at = clock();
  const teacher = await person("instructor");
  const ada = await person("student");
  const ben = await person("student");
  const classId = await classWith(teacher, [ada, ben], "Activity class");
  const loner = await person("student");

  const threadId = idOf(
    await startThread(ada, { lessonSlug, passageKey: twoSides.passageKey, classId, title: "A", body: "a" }, at(0)),
    "A",
  );
  await replyToThread(ben, { threadId, body: "b" }, at(1));
  await startThread(ben, { lessonSlug, passageKey: theVote.passageKey, classId, title: "B", body: "c" }, at(2));

  assert.deepEqual(await getDiscussionActivity(ada, lessonSlug), {
    classId,
    className: "Activity class",
    passages: { [twoSides.passageKey]: { posts: 2, newPosts: 1 }, [theVote.passageKey]: { posts: 1, newPosts: 1 } },
  });
  assert.deepEqual((await getDiscussionActivity(ben, lessonSlug))?.passages, {
    [twoSides.passageKey]: { posts: 2, newPosts: 1 },
    [theVote.passageKey]: { posts: 1, newPosts: 0 },
  });

  // Reading a passage's discussion marks it seen.
  await getPassageDiscussion(ada, { lessonSlug, passageKey: twoSides.passageKey, classId }, at(3));
  assert.deepEqual((await getDiscussionActivity(ada, lessonSlug))?.passages, {
    [twoSides.passageKey]: { posts: 2, newPosts: 0 },
    [theVote.passageKey]: { posts: 1, newPosts: 1 },
  });
  await replyToThread(ben, { threadId, body: "d" }, at(4));
  await replyToThread(ada, { threadId, body: "e" }, at(5));
  assert.deepEqual((await getDiscussionActivity(ada, lessonSlug))?.passages[twoSides.passageKey], {
    posts: 4,
    newPosts: 1,
  });

  // Deleted posts are not counted.
  const ownReply = thread(await view(ada, classId, twoSides.passageKey, at(6)), "A").replies.find(
    (r) => r.body === "e",
  )!;
  await deletePost(ada, ownReply.id, at(7));
  assert.deepEqual((await getDiscussionActivity(ada, lessonSlug))?.passages[twoSides.passageKey], {
    posts: 3,
    newPosts: 0,
  });

  // The instructor's count; no class, no activity; no session, refused.
  assert.deepEqual((await getDiscussionActivity(teacher, lessonSlug))?.passages[theVote.passageKey], {
    posts: 1,
    newPosts: 1,
  });
  assert.equal(await getDiscussionActivity(loner, lessonSlug), null);
  await assert.rejects(getDiscussionActivity(null, lessonSlug), ForbiddenError);
  await assert.rejects(getDiscussionActivity(ada, "no-such-lesson"), NotFoundError);
});

test("a learner with no class for the lesson keeps a private notebook per passage", async () => {
  const at = clock();
  const learner = await person("student");
  const otherLearner = await person("student");
  const teacher = await person("instructor");
  const classmate = await person("student");
  await classWith(teacher, [classmate]);

  const empty = await getPassageDiscussion(learner, { lessonSlug, passageKey: twoSides.passageKey }, at(0));
  assert.deepEqual(empty, { mode: "notebook", prompts: [twoSides.prompt], entry: null });

  assert.deepEqual(
    await saveNotebookEntry(learner, { lessonSlug, passageKey: twoSides.passageKey, body: "My thoughts." }, at(1)),
    { updatedAt: at(1).toISOString() },
  );
  assert.deepEqual(await getPassageDiscussion(learner, { lessonSlug, passageKey: twoSides.passageKey }, at(2)), {
    mode: "notebook",
    prompts: [twoSides.prompt],
    entry: { body: "My thoughts.", updatedAt: at(1).toISOString() },
  });
  await saveNotebookEntry(learner, { lessonSlug, passageKey: twoSides.passageKey, body: "Second thoughts." }, at(3));
  const updated = await getPassageDiscussion(learner, { lessonSlug, passageKey: twoSides.passageKey }, at(4));
  assert.deepEqual(updated.mode === "notebook" && updated.entry, {
    body: "Second thoughts.",
    updatedAt: at(3).toISOString(),
  });

  // One passage's entry is not another's, and one person's is nobody else's.
  assert.equal(
    ((await getPassageDiscussion(learner, { lessonSlug, passageKey: theVote.passageKey }, at(4))) as { entry: unknown })
      .entry,
    null,
  );
  assert.deepEqual(await getPassageDiscussion(otherLearner, { lessonSlug, passageKey: twoSides.passageKey }, at(4)), {
    mode: "notebook",
    prompts: [twoSides.prompt],
    entry: null,
  });
  assert.equal(
    (await getPassageDiscussion(classmate, { lessonSlug, passageKey: twoSides.passageKey }, at(4))).mode,
    "class",
  );

  await refusedWithoutWriting(
    async () => await saveNotebookEntry(null, { lessonSlug, passageKey: twoSides.passageKey, body: "x" }, at(5)),
    ForbiddenError,
  );
  await refusedWithoutWriting(
    async () => await saveNotebookEntry(learner, { lessonSlug, passageKey: "no-such-passage", body: "x" }, at(5)),
    NotFoundError,
  );
  // Asking for a class they are not in is not the notebook.
  await refusedWithoutWriting(
    async () =>
      await getPassageDiscussion(
        learner,
        { lessonSlug, passageKey: twoSides.passageKey, classId: "class-nope" },
        at(5),
      ),
    NotFoundError,
  );
});
