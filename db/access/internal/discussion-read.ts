/**
 * Reading a passage's discussion for a checked scope: the threads and replies as this viewer
 * may see them, the shared snapshots, when the viewer last looked, and a self-learner's notebook.
 * Internal to db/access: the scope passed in has already been checked.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { inTransaction, type DbOrTx } from "../../transaction";
import {
  answers,
  attempts,
  discussionPosts,
  discussionReports,
  discussionSnapshotAnswers,
  discussionThreads,
  discussionVisits,
  notebookEntries,
  questions,
  users,
} from "../../schema";
import type { Actor } from "@/lib/actor";
import {
  anonymousLabel,
  canChangePost,
  canReply,
  canReport,
  postVisibility,
  openingVisibility,
  threadVisible,
  whatStudentsSee,
} from "@/lib/discussion/rules";
import { prepared } from "../../prepared";
import {
  HIDDEN_THREAD_TITLE,
  type PassageDiscussion,
  type PostView,
  type QuotedSentence,
  type SnapshotAnswer,
  type ThreadView,
} from "@/lib/discussion/view";
import { PassageRef, submittedAnswersTo, threadOpen, Scope } from "./discussion-scope";

/** An opening post hidden from this reader: a marker that keeps the thread's replies in place, with nothing of the post. */
export function withheldOpening(p: typeof discussionPosts.$inferSelect): PostView {
  return {
    id: p.id,
    authorName: "",
    authorIsInstructor: false,
    isYours: false,
    body: "",
    quote: null,
    createdAt: p.createdAt.toISOString(),
    editedAt: null,
    deleted: false,
    hidden: false,
    withheld: true,
    canEdit: false,
    canReport: false,
    reportedByYou: false,
    reports: [],
  };
}

/** The discussion as this person sees it: threads newest activity first (pinned on top), each with its replies. */
export async function readDiscussion(scope: Scope): Promise<Extract<PassageDiscussion, { mode: "class" }>> {
  const { db, viewer, cls, passage } = scope;
  const threadRows = await prepared(db, "discussions.threads", (d) =>
    d
      .select()
      .from(discussionThreads)
      .where(
        and(
          eq(discussionThreads.classId, sql.placeholder("classId")),
          eq(discussionThreads.passageId, sql.placeholder("passageId")),
        ),
      )
      .prepare(),
  ).execute({ classId: cls.id, passageId: passage.id });
  const answered = viewer.moderator
    ? new Set<string>()
    : await submittedAnswersTo(
        db,
        viewer.userId,
        threadRows.map((t) => t.questionId),
      );
  const readable = threadRows.filter((t) => threadOpen(viewer, t, answered));
  const threadIds = readable.map((t) => t.id);
  const postRows = threadIds.length
    ? await db
        .select({ post: discussionPosts, authorName: users.name })
        .from(discussionPosts)
        .innerJoin(users, eq(users.id, discussionPosts.authorId))
        .where(inArray(discussionPosts.threadId, threadIds))
        .orderBy(asc(discussionPosts.createdAt))
    : [];
  const postIds = postRows.map((r) => r.post.id);
  const reportRows = postIds.length
    ? await db
        .select({
          postId: discussionReports.postId,
          reporterId: discussionReports.reporterId,
          reason: discussionReports.reason,
          reporterName: users.name,
          resolvedAt: discussionReports.resolvedAt,
        })
        .from(discussionReports)
        .innerJoin(users, eq(users.id, discussionReports.reporterId))
        .where(
          viewer.moderator
            ? and(inArray(discussionReports.postId, postIds), isNull(discussionReports.resolvedAt))
            : and(inArray(discussionReports.postId, postIds), eq(discussionReports.reporterId, viewer.userId)),
        )
    : [];
  const sentenceText = new Map(passage.sentences.map((s) => [s.id, s.text]));
  const quote = (id: string | null): QuotedSentence | null =>
    id && sentenceText.has(id) ? { id, text: sentenceText.get(id)! } : null;

  const toView = (thread: (typeof threadRows)[number], row: (typeof postRows)[number]): PostView | null => {
    const p = row.post;
    const visibility = postVisibility(viewer, p);
    if (visibility === "none") return p.isOpening ? withheldOpening(p) : null;
    const deleted = !!p.deletedAt;
    const reports = reportRows.filter((r) => r.postId === p.id);
    return {
      id: p.id,
      authorName: row.authorName,
      authorIsInstructor: p.authorId === cls.instructorId,
      isYours: p.authorId === viewer.userId,
      body: deleted ? "" : p.body,
      quote: deleted ? null : quote(p.quotedSentenceId),
      createdAt: p.createdAt.toISOString(),
      editedAt: p.editedAt?.toISOString() ?? null,
      deleted,
      hidden: visibility === "hidden",
      withheld: false,
      canEdit: canChangePost(viewer, thread, p),
      canReport: canReport(viewer, p),
      reportedByYou: !viewer.moderator && reports.some((r) => r.reporterId === viewer.userId),
      reports: viewer.moderator ? reports.map((r) => ({ reason: r.reason, reporterName: r.reporterName })) : [],
    };
  };

  const snapshots = await snapshotAnswers(
    scope,
    readable.filter((t) => t.kind === "snapshot").map((t) => t.id),
  );
  const views: ThreadView[] = [];
  for (const thread of readable) {
    const rows = postRows.filter((r) => r.post.threadId === thread.id);
    const openingRow = rows.find((r) => r.post.isOpening);
    if (!openingRow) continue;
    const replyRows = rows.filter((r) => !r.post.isOpening);
    const replies = replyRows.filter((r) => !r.post.deletedAt).flatMap((r) => toView(thread, r) ?? []);
    if (!threadVisible(viewer, openingRow.post, replies.length)) continue;
    const withheld = openingVisibility(viewer, openingRow.post) === "withheld";
    const snapshot = snapshots.get(thread.id);
    views.push({
      id: thread.id,
      kind: thread.kind,
      // The title is the opening post's words: hidden with them.
      title: withheld ? HIDDEN_THREAD_TITLE : thread.title,
      prompt: thread.prompt,
      pinned: !!thread.pinnedAt,
      locked: !!thread.lockedAt,
      lastActivityAt: thread.lastActivityAt.toISOString(),
      opening: toView(thread, openingRow)!,
      replies,
      canReply: canReply(viewer, thread),
      studentsSee: viewer.moderator
        ? whatStudentsSee(
            openingRow.post,
            replyRows.map((r) => r.post),
          )
        : null,
      snapshot:
        thread.kind === "snapshot"
          ? { question: snapshot?.question ?? "", named: thread.showNames, answers: snapshot?.answers ?? [] }
          : null,
    });
  }
  views.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt.localeCompare(a.lastActivityAt));
  return {
    mode: "class",
    classId: cls.id,
    className: cls.name,
    classes: scope.classes.map((c) => ({ id: c.id, name: c.name })),
    moderator: viewer.moderator,
    prompts: passage.prompts,
    sentences: passage.sentences,
    threads: views,
    snapshotsAfterSubmitting: threadRows.length - readable.length,
  };
}

/** The shared answers of snapshot threads, labelled by name or anonymously, in the order the instructor chose. */
export async function snapshotAnswers(scope: Scope, threadIds: string[]) {
  const result = new Map<string, { question: string; answers: SnapshotAnswer[] }>();
  if (threadIds.length === 0) return result;
  const rows = await scope.db
    .select({
      threadId: discussionSnapshotAnswers.threadId,
      showNames: discussionThreads.showNames,
      question: questions.prompt,
      response: answers.response,
      cited: answers.citedSentences,
      studentId: attempts.userId,
      studentName: users.name,
    })
    .from(discussionSnapshotAnswers)
    .innerJoin(discussionThreads, eq(discussionThreads.id, discussionSnapshotAnswers.threadId))
    .innerJoin(answers, eq(answers.id, discussionSnapshotAnswers.answerId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(users, eq(users.id, attempts.userId))
    .where(inArray(discussionSnapshotAnswers.threadId, threadIds))
    .orderBy(asc(discussionSnapshotAnswers.position));
  const sentenceText = new Map(scope.passage.sentences.map((s) => [s.id, s.text]));
  for (const r of rows) {
    const entry = result.get(r.threadId) ?? { question: r.question, answers: [] };
    const response = r.response;
    entry.answers.push({
      label: r.showNames ? r.studentName : anonymousLabel(entry.answers.length),
      text: response.type === "open_response" || response.type === "short_answer" ? response.text : "",
      cited: r.cited.flatMap((id) => (sentenceText.has(id) ? [{ id, text: sentenceText.get(id)! }] : [])),
      isYours: r.studentId === scope.viewer.userId,
    });
    result.set(r.threadId, entry);
  }
  return result;
}

/** Records that the person has seen the discussion up to now (written only when there is something newer). */
export async function markSeen(scope: Scope, discussion: Extract<PassageDiscussion, { mode: "class" }>, now: Date) {
  const latest = discussion.threads
    .flatMap((t) => [t.opening, ...t.replies])
    .reduce((max, p) => (p.createdAt > max ? p.createdAt : max), "");
  if (!latest) return;
  const key = and(
    eq(discussionVisits.userId, scope.actor.userId),
    eq(discussionVisits.classId, scope.cls.id),
    eq(discussionVisits.passageId, scope.passage.id),
  );
  const visit = (
    await scope.db.select({ seenAt: discussionVisits.seenAt }).from(discussionVisits).where(key).limit(1)
  )[0];
  if (visit && visit.seenAt.toISOString() >= latest) return;
  await inTransaction(scope.db, (tx) =>
    tx
      .insert(discussionVisits)
      .values({ userId: scope.actor.userId, classId: scope.cls.id, passageId: scope.passage.id, seenAt: now })
      .onConflictDoUpdate({
        target: [discussionVisits.userId, discussionVisits.classId, discussionVisits.passageId],
        set: { seenAt: now },
      }),
  );
}

export async function notebookOf(db: DbOrTx, actor: Actor, passage: PassageRef): Promise<PassageDiscussion> {
  const entry = (
    await db
      .select({ body: notebookEntries.body, updatedAt: notebookEntries.updatedAt })
      .from(notebookEntries)
      .where(and(eq(notebookEntries.userId, actor.userId), eq(notebookEntries.passageId, passage.id)))
      .limit(1)
  )[0];
  return {
    mode: "notebook",
    prompts: passage.prompts,
    entry: entry ? { body: entry.body, updatedAt: entry.updatedAt.toISOString() } : null,
  };
}

export function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
