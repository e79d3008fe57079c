/** Moderating a class discussion: pin and lock threads, hide posts, report and dismiss reports. */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { discussionPosts, discussionReports, discussionThreads, lessons, passages, users } from "../schema";
import type { Actor } from "@/lib/actor";
import { ForbiddenError } from "@/lib/errors";
import { canReport } from "@/lib/discussion/rules";
import { type PassageDiscussion } from "@/lib/discussion/view";
import {
  requireSignedIn,
  instructorsClass,
  threadScope,
  postScope,
  requireModerator,
} from "./internal/discussion-scope";
import { readDiscussion } from "./internal/discussion-read";

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
