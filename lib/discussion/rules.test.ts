import { test } from "node:test";
import assert from "node:assert/strict";
import {
  anonymousLabel,
  canChangePost,
  canReply,
  canReport,
  POST_BURST,
  postRateDecision,
  postVisibility,
  snapshotVisible,
  threadVisible,
  openingVisibility,
  whatStudentsSee,
} from "./rules";

const author = { userId: "amira", moderator: false };
const classmate = { userId: "ben", moderator: false };
const instructor = { userId: "teacher", moderator: true };
const t = new Date("2026-11-25T10:00:00Z");
const post = { authorId: "amira", hiddenAt: null, deletedAt: null };
const hidden = { ...post, hiddenAt: t };
const deleted = { ...post, deletedAt: t };

test("a hidden post is shown, marked hidden, to its author and the instructor, and not at all to classmates", () => {
  assert.equal(postVisibility(classmate, post), "visible");
  assert.equal(postVisibility(author, hidden), "hidden");
  assert.equal(postVisibility(instructor, hidden), "hidden");
  assert.equal(postVisibility(classmate, hidden), "none");
});

test("a thread whose opening post is hidden stays for classmates while it has replies they can read, behind a marker", () => {
  assert.equal(openingVisibility(classmate, hidden), "withheld");
  assert.equal(openingVisibility(author, hidden), "hidden");
  assert.equal(openingVisibility(instructor, hidden), "hidden");
  assert.equal(openingVisibility(classmate, deleted), "deleted");
  assert.equal(openingVisibility(classmate, post), "visible");
  assert.equal(threadVisible(classmate, hidden, 3), true);
  assert.equal(threadVisible(classmate, hidden, 0), false);
  assert.equal(threadVisible(author, hidden, 0), true);
  assert.equal(threadVisible(instructor, hidden, 0), true);
});

test("a thread whose opening post was deleted stays only while it has readable replies", () => {
  assert.equal(threadVisible(classmate, deleted, 1), true);
  assert.equal(threadVisible(classmate, deleted, 0), false);
  assert.equal(threadVisible(author, deleted, 0), false);
});

test("the instructor is told what students see of a thread: all of it, the replies only, or nothing", () => {
  const reply = { authorId: "ben", hiddenAt: null, deletedAt: null };
  assert.equal(whatStudentsSee(post, []), "thread");
  assert.equal(whatStudentsSee(post, [{ ...reply, hiddenAt: t }]), "thread");
  assert.equal(whatStudentsSee(hidden, [reply]), "replies-only");
  assert.equal(whatStudentsSee(deleted, [reply]), "replies-only");
  // Replies they cannot read do not keep the thread up.
  assert.equal(
    whatStudentsSee(hidden, [
      { ...reply, hiddenAt: t },
      { ...reply, deletedAt: t },
    ]),
    "nothing",
  );
  assert.equal(whatStudentsSee(hidden, []), "nothing");
  // And what it says matches what a classmate is shown.
  for (const [opening, replies] of [
    [hidden, [reply]],
    [hidden, []],
    [post, []],
    [deleted, [reply]],
  ] as const) {
    const readable = replies.filter((r) => postVisibility(classmate, r) === "visible").length;
    assert.equal(whatStudentsSee(opening, replies) !== "nothing", threadVisible(classmate, opening, readable));
  }
});

test("a locked thread takes replies and edits only from the instructor", () => {
  const open = { lockedAt: null };
  const locked = { lockedAt: t };
  assert.equal(canReply(classmate, open), true);
  assert.equal(canReply(classmate, locked), false);
  assert.equal(canReply(instructor, locked), true);
  assert.equal(canChangePost(author, open, post), true);
  assert.equal(canChangePost(author, locked, post), false);
  assert.equal(canChangePost({ userId: "teacher", moderator: true }, locked, { ...post, authorId: "teacher" }), true);
});

test("only the author changes a post, and not once it is deleted", () => {
  assert.equal(canChangePost(classmate, { lockedAt: null }, post), false);
  assert.equal(canChangePost(instructor, { lockedAt: null }, post), false, "instructors hide, they do not rewrite");
  assert.equal(canChangePost(author, { lockedAt: null }, deleted), false);
});

test("classmates report a post; its author and the instructor do not", () => {
  assert.equal(canReport(classmate, post), true);
  assert.equal(canReport(author, post), false);
  assert.equal(canReport(instructor, post), false);
  assert.equal(canReport(classmate, deleted), false);
});

test("a snapshot opens to a student only after they have submitted", () => {
  assert.equal(snapshotVisible(classmate, false), false);
  assert.equal(snapshotVisible(classmate, true), true);
  assert.equal(snapshotVisible(instructor, false), true);
});

test("posting allows a burst, then says how long to wait", () => {
  const now = t;
  const times = (secondsAgo: number[]) => secondsAgo.map((s) => new Date(now.getTime() - s * 1000));
  assert.deepEqual(postRateDecision([], now), { allowed: true });
  assert.deepEqual(postRateDecision(times(Array.from({ length: POST_BURST - 1 }, (_, i) => i)), now), {
    allowed: true,
  });
  const burst = times(Array.from({ length: POST_BURST }, (_, i) => 50 - i));
  assert.deepEqual(postRateDecision(burst, now), { allowed: false, retryAfterSeconds: 10 });
  // Posts older than the window do not count.
  assert.deepEqual(postRateDecision(times([61, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160]), now), {
    allowed: true,
  });
  // With more than a burst in the window, the wait lasts until enough have left it.
  assert.deepEqual(postRateDecision(times([59, 58, 5, 5, 5, 5, 5, 5, 5, 5, 5]), now), {
    allowed: false,
    retryAfterSeconds: 2,
  });
});

test("anonymous labels are stable letters by position", () => {
  assert.equal(anonymousLabel(0), "Reader A");
  assert.equal(anonymousLabel(25), "Reader Z");
  assert.equal(anonymousLabel(26), "Reader AA");
  assert.equal(anonymousLabel(27), "Reader AB");
});
