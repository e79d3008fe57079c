/**
 * Discussions: threads and replies on a passage, scoped to a class. Every function takes the
 * acting user and checks that they belong to the class (as its student or its instructor)
 * before reading or writing anything. Moderation, snapshots, activity and the notebook have
 * their own modules beside this one.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { discussionPosts, discussionReports, discussionThreads } from "../schema";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { canChangePost, canReply, postVisibility, threadVisible } from "@/lib/discussion/rules";
import { type PassageDiscussion } from "@/lib/discussion/view";
import {
  requireSignedIn,
  findPassage,
  classScope,
  requireClassScope,
  threadScope,
  postScope,
  checkedQuote,
  checkRate,
} from "./internal/discussion-scope";
import { readDiscussion, markSeen, notebookOf } from "./internal/discussion-read";

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
