/**
 * Discussions: threads and replies on a passage, scoped to a class; snapshots of students'
 * answers shared by the instructor; moderation and reports; and, for learners without a class,
 * a private notebook per passage. Every function takes the acting user and checks that they
 * belong to the class (as its student or its instructor) before reading or writing anything.
 */
import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction, type DbOrTx } from "../transaction";
import { hasText } from "../dialect";
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
  notebookEntries,
  passages,
  questions,
  users,
} from "../schema";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError, RateLimitError } from "@/lib/errors";
import {
  anonymousLabel,
  canChangePost,
  canReply,
  canReport,
  postRateDecision,
  postVisibility,
  POST_WINDOW_MS,
  snapshotVisible,
  openingVisibility,
  threadVisible,
  whatStudentsSee,
  type Viewer,
} from "@/lib/discussion/rules";
import { lessonStructure } from "./lesson-structure";
import { classesAssigningLesson } from "./classes";
import { prepared } from "../prepared";
import {
  HIDDEN_THREAD_TITLE,
  type DiscussionActivity,
  type PassageDiscussion,
  type PostView,
  type QuotedSentence,
  type SnapshotAnswer,
  type ThreadView,
} from "@/lib/discussion/view";

/** At most this many answers in one snapshot: enough to compare, few enough to read. */
export const SNAPSHOT_MAX_ANSWERS = 12;

function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in to join the discussion.");
  return actor;
}

type ClassRef = { id: string; name: string; instructorId: string };

/** The classes in which this person discusses the lesson: as a student enrolled, or as the instructor, where it is assigned. */
async function discussionClasses(db: DbOrTx, actor: Actor, lessonId: string): Promise<ClassRef[]> {
  if (actor.role === "student")
    return (await classesAssigningLesson(db, actor.userId, lessonId)).map((c) => ({
      id: c.classId,
      name: c.className,
      instructorId: c.instructorId,
    }));
  return await db
    .select({ id: classes.id, name: classes.name, instructorId: classes.instructorId })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(assignments.lessonId, lessonId), eq(classes.instructorId, actor.userId)))
    .orderBy(sql`${assignments.dueAt} is null`, asc(assignments.dueAt), asc(classes.name));
}

type PassageRef = {
  id: string;
  key: string;
  lessonId: string;
  lessonSlug: string;
  prompts: string[];
  sentences: QuotedSentence[];
};

/** A passage of the kept lesson structure, by key (current passages) or by id (a thread's, even if retired since). */
async function findPassage(
  db: DbOrTx,
  lessonSlug: string,
  passage: { key: string } | { id: string },
): Promise<PassageRef> {
  const lesson = await lessonStructure(db, lessonSlug);
  const found = "key" in passage ? lesson.passagesByKey.get(passage.key) : lesson.passagesById.get(passage.id);
  if (!found) throw new NotFoundError("Passage not found.");
  return {
    id: found.id,
    key: found.key,
    lessonId: lesson.id,
    lessonSlug: lesson.slug,
    prompts: found.prompts,
    sentences: found.sentences,
  };
}

/**
 * The questions (of those given) this person has answered and submitted, in any class: a
 * snapshot of classmates' answers opens only once their own, non-empty answer is in.
 */
async function submittedAnswersTo(db: DbOrTx, userId: string, questionIds: (string | null)[]): Promise<Set<string>> {
  const ids = [...new Set(questionIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ questionId: answers.questionId })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(
      and(
        eq(attempts.userId, userId),
        sql`${attempts.submittedAt} is not null`,
        inArray(answers.questionId, ids),
        hasText(answers.response),
      ),
    );
  return new Set(rows.map((r) => r.questionId));
}

/** Whether a thread is open to this viewer: every discussion thread; a snapshot once they have submitted their answer to its question. */
function threadOpen(
  viewer: Viewer,
  thread: { kind: "discussion" | "snapshot"; questionId: string | null },
  answered: Set<string>,
): boolean {
  return (
    thread.kind === "discussion" || snapshotVisible(viewer, !!thread.questionId && answered.has(thread.questionId))
  );
}

/** One person in one class's discussion of one passage, with what they may see. */
type Scope = { db: DbOrTx; actor: Actor; cls: ClassRef; classes: ClassRef[]; passage: PassageRef; viewer: Viewer };

async function classScope(
  db: DbOrTx,
  actor: Actor,
  passage: PassageRef,
  classId: string | undefined,
): Promise<Scope | { notebook: true; passage: PassageRef }> {
  const mine = await discussionClasses(db, actor, passage.lessonId);
  if (mine.length === 0 && classId === undefined) return { notebook: true, passage };
  const cls = classId === undefined ? mine[0] : mine.find((c) => c.id === classId);
  if (!cls) throw new NotFoundError("That class's discussion is not one you belong to.");
  const moderator = cls.instructorId === actor.userId;
  return {
    db,
    actor,
    cls,
    classes: mine,
    passage,
    viewer: { userId: actor.userId, moderator },
  };
}

async function requireClassScope(db: DbOrTx, actor: Actor, passage: PassageRef, classId: string): Promise<Scope> {
  const scope = await classScope(db, actor, passage, classId);
  if ("notebook" in scope) throw new NotFoundError("That class's discussion is not one you belong to.");
  return scope;
}

/** The class when the actor is its instructor; for anyone else (students included) it does not exist. */
async function instructorsClass(db: DbOrTx, actor: Actor, classId: string) {
  const cls = (
    await db
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.instructorId, actor.userId)))
      .limit(1)
  )[0];
  if (!cls) throw new NotFoundError("Class not found.");
  return cls;
}

/** The thread and the actor's scope in its class; a thread the actor may not see does not exist for them. */
async function threadScope(db: DbOrTx, actor: Actor, threadId: string) {
  const thread = (await db.select().from(discussionThreads).where(eq(discussionThreads.id, threadId)).limit(1))[0];
  if (!thread) throw new NotFoundError("That thread does not exist.");
  const lesson = (
    await db
      .select({ slug: lessons.slug })
      .from(passages)
      .innerJoin(lessons, eq(lessons.id, passages.lessonId))
      .where(eq(passages.id, thread.passageId))
      .limit(1)
  )[0];
  if (!lesson) throw new NotFoundError("That thread does not exist.");
  const scope = await requireClassScope(
    db,
    actor,
    await findPassage(db, lesson.slug, { id: thread.passageId }),
    thread.classId,
  );
  if (!threadOpen(scope.viewer, thread, await submittedAnswersTo(db, actor.userId, [thread.questionId])))
    throw new NotFoundError("That thread does not exist.");
  return { scope, thread };
}

/** A post, its thread, and the actor's scope; a post the actor cannot see does not exist for them. */
async function postScope(db: DbOrTx, actor: Actor, postId: string) {
  const post = (await db.select().from(discussionPosts).where(eq(discussionPosts.id, postId)).limit(1))[0];
  if (!post) throw new NotFoundError("That post does not exist.");
  const { scope, thread } = await threadScope(db, actor, post.threadId);
  // A reply stays readable when its opening post is hidden (the thread shows a marker), so the post's own visibility is what counts.
  if (postVisibility(scope.viewer, post) === "none") throw new NotFoundError("That post does not exist.");
  return { scope, thread, post };
}

function requireModerator(scope: Scope) {
  if (!scope.viewer.moderator) throw new ForbiddenError("Only the class's instructor can moderate its discussion.");
}

/** A sentence id a post quotes must be a sentence of this passage. */
function checkedQuote(passage: PassageRef, sentenceId: string | null | undefined): string | null {
  if (!sentenceId) return null;
  if (!passage.sentences.some((s) => s.id === sentenceId))
    throw new DomainError("Quote a sentence of this passage.", "quotedSentenceId");
  return sentenceId;
}

async function checkRate(db: DbOrTx, actor: Actor, now: Date) {
  const recent = (
    await db
      .select({ createdAt: discussionPosts.createdAt })
      .from(discussionPosts)
      .where(
        and(
          eq(discussionPosts.authorId, actor.userId),
          gt(discussionPosts.createdAt, new Date(now.getTime() - POST_WINDOW_MS)),
        ),
      )
  ).map((r) => r.createdAt);
  const decision = postRateDecision(recent, now);
  if (!decision.allowed) {
    throw new RateLimitError(
      `You have posted a lot in the last minute. Wait ${decision.retryAfterSeconds} seconds, then post again: your text is still here.`,
      decision.retryAfterSeconds,
      "body",
    );
  }
}

/** An opening post hidden from this reader: a marker that keeps the thread's replies in place, with nothing of the post. */
function withheldOpening(p: typeof discussionPosts.$inferSelect): PostView {
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
async function readDiscussion(scope: Scope): Promise<Extract<PassageDiscussion, { mode: "class" }>> {
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
async function snapshotAnswers(scope: Scope, threadIds: string[]) {
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
async function markSeen(scope: Scope, discussion: Extract<PassageDiscussion, { mode: "class" }>, now: Date) {
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

async function notebookOf(db: DbOrTx, actor: Actor, passage: PassageRef): Promise<PassageDiscussion> {
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

/**
 * A passage's discussion for this person: in the given class (or their first class with the
 * lesson), or their private notebook when no class of theirs has the lesson.
 */
export async function getPassageDiscussion(
  actor: Actor | null,
  input: { lessonSlug: string; passageKey: string; classId?: string },
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const scope = await classScope(
    db,
    a,
    await findPassage(db, input.lessonSlug, { key: input.passageKey }),
    input.classId,
  );
  if ("notebook" in scope) return await notebookOf(db, a, scope.passage);
  const discussion = await readDiscussion(scope);
  await markSeen(scope, discussion, now);
  return discussion;
}

export type NewThreadInput = {
  lessonSlug: string;
  passageKey: string;
  classId: string;
  title: string;
  body: string;
  prompt?: string | null;
  quotedSentenceId?: string | null;
};

/** Starts a thread, freely or from one of the passage's prompts. Returns the discussion as it now stands. */
export async function startThread(
  actor: Actor | null,
  input: NewThreadInput,
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const scope = await requireClassScope(
      tx,
      a,
      await findPassage(tx, input.lessonSlug, { key: input.passageKey }),
      input.classId,
    );
    if (input.prompt && !scope.passage.prompts.includes(input.prompt))
      throw new DomainError("That prompt is not one of this passage's.", "prompt");
    const quoted = checkedQuote(scope.passage, input.quotedSentenceId);
    await checkRate(tx, a, now);
    const threadId = randomUUID();
    await tx.insert(discussionThreads).values({
      id: threadId,
      classId: scope.cls.id,
      passageId: scope.passage.id,
      kind: "discussion",
      title: input.title,
      prompt: input.prompt ?? null,
      authorId: a.userId,
      createdAt: now,
      lastActivityAt: now,
    });
    await tx.insert(discussionPosts).values({
      id: randomUUID(),
      threadId,
      authorId: a.userId,
      isOpening: true,
      body: input.body,
      quotedSentenceId: quoted,
      createdAt: now,
    });
    return await readDiscussion(scope);
  });
}

/** Replies to a thread (one level: replies belong to the thread, in time order). */
export async function replyToThread(
  actor: Actor | null,
  input: { threadId: string; body: string; quotedSentenceId?: string | null },
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, thread } = await threadScope(tx, a, input.threadId);
    if (!canReply(scope.viewer, thread))
      throw new ForbiddenError("This thread is locked: the instructor has closed it to new replies.");
    const opening = (
      await tx
        .select()
        .from(discussionPosts)
        .where(and(eq(discussionPosts.threadId, thread.id), eq(discussionPosts.isOpening, true)))
        .limit(1)
    )[0];
    const replies = (
      await tx
        .select({
          authorId: discussionPosts.authorId,
          hiddenAt: discussionPosts.hiddenAt,
          deletedAt: discussionPosts.deletedAt,
        })
        .from(discussionPosts)
        .where(
          and(
            eq(discussionPosts.threadId, thread.id),
            eq(discussionPosts.isOpening, false),
            isNull(discussionPosts.deletedAt),
          ),
        )
    ).filter((r) => postVisibility(scope.viewer, r) !== "none").length;
    if (!opening || !threadVisible(scope.viewer, opening, replies))
      throw new NotFoundError("That thread does not exist.");
    const quoted = checkedQuote(scope.passage, input.quotedSentenceId);
    await checkRate(tx, a, now);
    await tx.insert(discussionPosts).values({
      id: randomUUID(),
      threadId: thread.id,
      authorId: a.userId,
      isOpening: false,
      body: input.body,
      quotedSentenceId: quoted,
      createdAt: now,
    });
    await tx.update(discussionThreads).set({ lastActivityAt: now }).where(eq(discussionThreads.id, thread.id));
    return await readDiscussion(scope);
  });
}

/** The author edits their post (and, for an opening post, the thread's title). */
export async function editPost(
  actor: Actor | null,
  input: { postId: string; body: string; title?: string; quotedSentenceId?: string | null },
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, thread, post } = await postScope(tx, a, input.postId);
    if (!canChangePost(scope.viewer, thread, post))
      throw new ForbiddenError(
        thread.lockedAt && post.authorId === a.userId ? "This thread is locked." : "Only its author can edit a post.",
      );
    // Leaving the quote out keeps it; null removes it.
    const quoted =
      input.quotedSentenceId === undefined
        ? post.quotedSentenceId
        : checkedQuote(scope.passage, input.quotedSentenceId);
    await tx
      .update(discussionPosts)
      .set({ body: input.body, quotedSentenceId: quoted, editedAt: now })
      .where(eq(discussionPosts.id, post.id));
    if (post.isOpening && input.title !== undefined)
      await tx.update(discussionThreads).set({ title: input.title }).where(eq(discussionThreads.id, thread.id));
    return await readDiscussion(scope);
  });
}

/** The author deletes their post; its text is gone, and an opening post with replies leaves a marker. */
export async function deletePost(actor: Actor | null, postId: string, now = new Date()): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, thread, post } = await postScope(tx, a, postId);
    if (!canChangePost(scope.viewer, thread, post))
      throw new ForbiddenError(
        thread.lockedAt && post.authorId === a.userId ? "This thread is locked." : "Only its author can delete a post.",
      );
    await tx
      .update(discussionPosts)
      .set({ body: "", quotedSentenceId: null, deletedAt: now })
      .where(eq(discussionPosts.id, post.id));
    await tx
      .update(discussionReports)
      .set({ resolvedAt: now })
      .where(and(eq(discussionReports.postId, post.id), isNull(discussionReports.resolvedAt)));
    return await readDiscussion(scope);
  });
}

/** The instructor pins or locks a thread (or undoes either). */
export async function moderateThread(
  actor: Actor | null,
  input: { threadId: string; pinned?: boolean; locked?: boolean },
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, thread } = await threadScope(tx, a, input.threadId);
    requireModerator(scope);
    const set: Partial<typeof discussionThreads.$inferInsert> = {};
    if (input.pinned !== undefined) set.pinnedAt = input.pinned ? now : null;
    if (input.locked !== undefined) set.lockedAt = input.locked ? now : null;
    if (Object.keys(set).length) await tx.update(discussionThreads).set(set).where(eq(discussionThreads.id, thread.id));
    return await readDiscussion(scope);
  });
}

/** The instructor hides a post from the class (or shows it again); hiding settles its reports. */
export async function setPostHidden(
  actor: Actor | null,
  input: { postId: string; hidden: boolean },
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, post } = await postScope(tx, a, input.postId);
    requireModerator(scope);
    await tx
      .update(discussionPosts)
      .set({ hiddenAt: input.hidden ? now : null })
      .where(eq(discussionPosts.id, post.id));
    if (input.hidden)
      await tx
        .update(discussionReports)
        .set({ resolvedAt: now })
        .where(and(eq(discussionReports.postId, post.id), isNull(discussionReports.resolvedAt)));
    return await readDiscussion(scope);
  });
}

/** A student reports a classmate's post to the instructor, with a reason. */
export async function reportPost(
  actor: Actor | null,
  input: { postId: string; reason: string },
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, post } = await postScope(tx, a, input.postId);
    if (!canReport(scope.viewer, post)) throw new ForbiddenError("You cannot report this post.");
    await tx
      .insert(discussionReports)
      .values({ id: randomUUID(), postId: post.id, reporterId: a.userId, reason: input.reason, createdAt: now })
      .onConflictDoUpdate({
        target: [discussionReports.postId, discussionReports.reporterId],
        set: { reason: input.reason, createdAt: now, resolvedAt: null },
      });
    return await readDiscussion(scope);
  });
}

/** The instructor looked at a reported post and leaves it up. */
export async function dismissReports(
  actor: Actor | null,
  postId: string,
  now = new Date(),
): Promise<PassageDiscussion> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { scope, post } = await postScope(tx, a, postId);
    requireModerator(scope);
    await tx
      .update(discussionReports)
      .set({ resolvedAt: now })
      .where(and(eq(discussionReports.postId, post.id), isNull(discussionReports.resolvedAt)));
    return await readDiscussion(scope);
  });
}

export type OpenReport = {
  postId: string;
  excerpt: string;
  authorName: string;
  reasons: string[];
  lessonSlug: string;
  passageKey: string;
  threadTitle: string;
};

/** For the class page: posts students have reported that the instructor has not dealt with yet. */
export async function listOpenReports(actor: Actor | null, classId: string): Promise<OpenReport[]> {
  const cls = await instructorsClass(getDb(), requireSignedIn(actor), classId);
  const rows = await getDb()
    .select({
      postId: discussionPosts.id,
      body: discussionPosts.body,
      authorName: users.name,
      reason: discussionReports.reason,
      lessonSlug: lessons.slug,
      passageKey: passages.key,
      threadTitle: discussionThreads.title,
    })
    .from(discussionReports)
    .innerJoin(discussionPosts, eq(discussionPosts.id, discussionReports.postId))
    .innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
    .innerJoin(users, eq(users.id, discussionPosts.authorId))
    .innerJoin(passages, eq(passages.id, discussionThreads.passageId))
    .innerJoin(lessons, eq(lessons.id, passages.lessonId))
    .where(and(eq(discussionThreads.classId, cls.id), isNull(discussionReports.resolvedAt)))
    .orderBy(asc(discussionReports.createdAt));
  const byPost = new Map<string, OpenReport>();
  for (const r of rows) {
    const item = byPost.get(r.postId) ?? {
      postId: r.postId,
      excerpt: r.body.slice(0, 160),
      authorName: r.authorName,
      reasons: [],
      lessonSlug: r.lessonSlug,
      passageKey: r.passageKey,
      threadTitle: r.threadTitle,
    };
    item.reasons.push(r.reason);
    byPost.set(r.postId, item);
  }
  return [...byPost.values()];
}

export type ShareableAnswers = {
  className: string;
  lessonTitle: string;
  passageKey: string;
  passageTitle: string;
  question: string;
  answers: { answerId: string; studentName: string; text: string }[];
};

async function shareableQuestion(db: DbOrTx, actor: Actor, classId: string, lessonSlug: string, questionKey: string) {
  const cls = await instructorsClass(db, actor, classId);
  const q = (
    await db
      .select({
        id: questions.id,
        type: questions.type,
        prompt: questions.prompt,
        passageId: passages.id,
        passageKey: passages.key,
        passageTitle: passages.title,
        lessonId: lessons.id,
        lessonTitle: lessons.title,
      })
      .from(questions)
      .innerJoin(lessons, eq(lessons.id, questions.lessonId))
      .innerJoin(passages, eq(passages.id, questions.passageId))
      .innerJoin(assignments, and(eq(assignments.lessonId, lessons.id), eq(assignments.classId, cls.id)))
      .where(and(eq(lessons.slug, lessonSlug), eq(questions.key, questionKey)))
      .limit(1)
  )[0];
  if (!q) throw new NotFoundError("That question is not in a lesson this class has.");
  if (q.type !== "open_response" && q.type !== "short_answer")
    throw new DomainError("Only written answers can be shared with the class.", "questionKey");
  const rows = (
    await db
      .select({ answerId: answers.id, studentName: users.name, response: answers.response })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .innerJoin(enrollments, and(eq(enrollments.classId, cls.id), eq(enrollments.studentId, attempts.userId)))
      .innerJoin(users, eq(users.id, attempts.userId))
      .where(
        and(
          eq(attempts.classId, cls.id),
          eq(attempts.lessonId, q.lessonId),
          sql`${attempts.submittedAt} is not null`,
          eq(answers.questionId, q.id),
        ),
      )
      .orderBy(asc(users.name))
  ).flatMap((r) => {
    const response = r.response;
    const text = response.type === "open_response" || response.type === "short_answer" ? response.text.trim() : "";
    return text ? [{ answerId: r.answerId, studentName: r.studentName, text }] : [];
  });
  return { cls, q, rows };
}

/** For the instructor: the class's submitted written answers to one question, to choose from for a snapshot. */
export async function listShareableAnswers(
  actor: Actor | null,
  input: { classId: string; lessonSlug: string; questionKey: string },
): Promise<ShareableAnswers> {
  const a = requireSignedIn(actor);
  const { cls, q, rows } = await shareableQuestion(getDb(), a, input.classId, input.lessonSlug, input.questionKey);
  return {
    className: cls.name,
    lessonTitle: q.lessonTitle,
    passageKey: q.passageKey,
    passageTitle: q.passageTitle,
    question: q.prompt,
    answers: rows,
  };
}

export type SnapshotInput = {
  classId: string;
  lessonSlug: string;
  questionKey: string;
  answerIds: string[];
  showNames: boolean;
  title: string;
  note: string;
};

/** Shares the chosen answers with the class as a thread on the question's passage. */
export async function shareSnapshot(
  actor: Actor | null,
  input: SnapshotInput,
  now = new Date(),
): Promise<{ lessonSlug: string; passageKey: string; threadId: string }> {
  const a = requireSignedIn(actor);
  return inTransaction(getDb(), async (tx) => {
    const { cls, q, rows } = await shareableQuestion(tx, a, input.classId, input.lessonSlug, input.questionKey);
    const chosen = [...new Set(input.answerIds)];
    if (chosen.length === 0) throw new DomainError("Choose at least one answer to share.", "answerIds");
    if (chosen.length > SNAPSHOT_MAX_ANSWERS)
      throw new DomainError(`Share at most ${SNAPSHOT_MAX_ANSWERS} answers at once.`, "answerIds");
    const shareable = new Set(rows.map((r) => r.answerId));
    if (chosen.some((id) => !shareable.has(id)))
      throw new DomainError(
        "Some of those answers are not submitted answers of this class to this question.",
        "answerIds",
      );
    // Anonymous labels must not follow the order of names on the instructor's list.
    if (!input.showNames) shuffle(chosen);
    const threadId = randomUUID();
    await tx.insert(discussionThreads).values({
      id: threadId,
      classId: cls.id,
      passageId: q.passageId,
      kind: "snapshot",
      title: input.title,
      questionId: q.id,
      showNames: input.showNames,
      authorId: a.userId,
      createdAt: now,
      lastActivityAt: now,
    });
    await tx
      .insert(discussionPosts)
      .values({ id: randomUUID(), threadId, authorId: a.userId, isOpening: true, body: input.note, createdAt: now });
    await tx
      .insert(discussionSnapshotAnswers)
      .values(chosen.map((answerId, position) => ({ threadId, answerId, position })));
    return { lessonSlug: input.lessonSlug, passageKey: q.passageKey, threadId };
  });
}

/**
 * For the lesson overview: per passage, how many posts this person can read in their first
 * class with the lesson, and how many of those others wrote since they last looked.
 */
export async function getDiscussionActivity(actor: Actor | null, lessonSlug: string): Promise<DiscussionActivity> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const lesson = (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, lessonSlug)).limit(1))[0];
  if (!lesson) throw new NotFoundError("Lesson not found.");
  const cls = (await discussionClasses(db, a, lesson.id))[0];
  if (!cls) return null;
  const viewer: Viewer = { userId: a.userId, moderator: cls.instructorId === a.userId };
  const rows = await db
    .select({
      post: discussionPosts,
      passageKey: passages.key,
      kind: discussionThreads.kind,
      questionId: discussionThreads.questionId,
      seenAt: discussionVisits.seenAt,
    })
    .from(discussionPosts)
    .innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
    .innerJoin(passages, eq(passages.id, discussionThreads.passageId))
    .leftJoin(
      discussionVisits,
      and(
        eq(discussionVisits.userId, a.userId),
        eq(discussionVisits.classId, cls.id),
        eq(discussionVisits.passageId, passages.id),
      ),
    )
    .where(and(eq(discussionThreads.classId, cls.id), eq(passages.lessonId, lesson.id)));
  const openings = new Map(rows.filter((r) => r.post.isOpening).map((r) => [r.post.threadId, r.post]));
  const repliesByThread = new Map<string, number>();
  const answered = viewer.moderator
    ? new Set<string>()
    : await submittedAnswersTo(
        db,
        a.userId,
        rows.map((r) => r.questionId),
      );
  const readable = rows.filter(
    (r) => !r.post.deletedAt && postVisibility(viewer, r.post) !== "none" && threadOpen(viewer, r, answered),
  );
  for (const r of readable)
    if (!r.post.isOpening) repliesByThread.set(r.post.threadId, (repliesByThread.get(r.post.threadId) ?? 0) + 1);
  const passagesOut: Record<string, { posts: number; newPosts: number }> = {};
  for (const r of readable) {
    const opening = openings.get(r.post.threadId);
    if (!opening || !threadVisible(viewer, opening, repliesByThread.get(r.post.threadId) ?? 0)) continue;
    passagesOut[r.passageKey] ??= { posts: 0, newPosts: 0 };
    const tally = passagesOut[r.passageKey]!;
    tally.posts += 1;
    if (r.post.authorId !== a.userId && (!r.seenAt || r.post.createdAt > r.seenAt)) tally.newPosts += 1;
  }
  return { classId: cls.id, className: cls.name, passages: passagesOut };
}

/** Saves a self-learner's notebook entry for a passage (private: only its writer ever reads it). */
export async function saveNotebookEntry(
  actor: Actor | null,
  input: { lessonSlug: string; passageKey: string; body: string },
  now = new Date(),
): Promise<{ updatedAt: string }> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const passage = await findPassage(db, input.lessonSlug, { key: input.passageKey });
  await inTransaction(db, (tx) =>
    tx
      .insert(notebookEntries)
      .values({ userId: a.userId, passageId: passage.id, body: input.body, updatedAt: now })
      .onConflictDoUpdate({
        target: [notebookEntries.userId, notebookEntries.passageId],
        set: { body: input.body, updatedAt: now },
      }),
  );
  return { updatedAt: now.toISOString() };
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
