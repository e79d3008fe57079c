/** How much is new in each passage's discussion of a lesson, for the person looking. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { discussionPosts, discussionThreads, discussionVisits, lessons, passages } from "../schema";
import type { Actor } from "@/lib/actor";
import { NotFoundError } from "@/lib/errors";
import { postVisibility, threadVisible, type Viewer } from "@/lib/discussion/rules";
import { type DiscussionActivity } from "@/lib/discussion/view";
import { requireSignedIn, discussionClasses, submittedAnswersTo, threadOpen } from "./internal/discussion-scope";

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
