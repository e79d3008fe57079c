/**
 * The rules of a class discussion as plain functions: who sees a post, who may reply, edit or
 * delete, and how often one person may post. The data layer (db/access/discussions.ts) loads
 * rows and applies these; the same rules then hold for every page and route.
 */

/** Posting is limited per person: a burst of this many posts in the window, then a wait. */
export const POST_BURST = 10;
export const POST_WINDOW_MS = 60_000;
export const POST_MAX_CHARS = 4000;
export const TITLE_MAX_CHARS = 120;
export const NOTEBOOK_MAX_CHARS = 20_000;

/** The person looking: moderators are the class's instructor. */
export type Viewer = { userId: string; moderator: boolean };
export type PostState = { authorId: string; hiddenAt: Date | null; deletedAt: Date | null };
export type ThreadState = { lockedAt: Date | null };

/**
 * "visible" to everyone in the class; "hidden" shown to this viewer marked as hidden (its author
 * and the instructor); "none" not shown at all (a classmate looking at a hidden post).
 */
export function postVisibility(viewer: Viewer, post: PostState): "visible" | "hidden" | "none" {
  if (!post.hiddenAt) return "visible";
  return viewer.moderator || viewer.userId === post.authorId ? "hidden" : "none";
}

/**
 * How a thread's opening post shows to this viewer: the post itself ("visible", or "hidden" and
 * marked so, for its author and the instructor), or a marker in its place: "withheld" when the
 * instructor hid it from this viewer, "deleted" when its author deleted it.
 */
export function openingVisibility(viewer: Viewer, opening: PostState): "visible" | "hidden" | "withheld" | "deleted" {
  if (opening.deletedAt) return "deleted";
  const shown = postVisibility(viewer, opening);
  return shown === "none" ? "withheld" : shown;
}

/**
 * Whether a thread appears in the list. Hiding or deleting an opening post does not take the
 * replies with it: the thread stays, its opening replaced by a marker, while it has replies this
 * viewer can read.
 */
export function threadVisible(viewer: Viewer, opening: PostState, visibleReplies: number): boolean {
  const shown = openingVisibility(viewer, opening);
  return shown === "visible" || shown === "hidden" || visibleReplies > 0;
}

/** The class as a student who wrote none of the posts sees it. */
const classmate: Viewer = { userId: "", moderator: false };

/**
 * For the instructor, what the class's students see of a thread: all of it ("thread"), its
 * replies under a marker that stands in for a hidden or deleted opening post ("replies-only"),
 * or nothing at all. (Authors also see their own hidden posts, marked hidden.)
 */
export function whatStudentsSee(
  opening: PostState,
  replies: readonly PostState[],
): "thread" | "replies-only" | "nothing" {
  const readable = replies.filter((r) => !r.deletedAt && postVisibility(classmate, r) === "visible").length;
  if (!threadVisible(classmate, opening, readable)) return "nothing";
  return openingVisibility(classmate, opening) === "visible" ? "thread" : "replies-only";
}

/** A locked thread takes no new replies or edits, except from the instructor. */
export function canReply(viewer: Viewer, thread: ThreadState): boolean {
  return !thread.lockedAt || viewer.moderator;
}

/** Authors edit and delete their own posts while the thread is open. */
export function canChangePost(viewer: Viewer, thread: ThreadState, post: PostState): boolean {
  return viewer.userId === post.authorId && !post.deletedAt && canReply(viewer, thread);
}

/** Anyone but the author and the instructor may report a post that is still there. */
export function canReport(viewer: Viewer, post: PostState): boolean {
  return !viewer.moderator && viewer.userId !== post.authorId && !post.deletedAt;
}

/**
 * A snapshot of classmates' answers is for comparing readings: a student sees it only after
 * submitting their own, so it cannot be copied from.
 */
export function snapshotVisible(viewer: Viewer, viewerHasSubmitted: boolean): boolean {
  return viewer.moderator || viewerHasSubmitted;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Given the times of this person's recent posts, whether one more may go now. */
export function postRateDecision(recentPostTimes: readonly Date[], now: Date): RateDecision {
  const windowStart = now.getTime() - POST_WINDOW_MS;
  const inWindow = recentPostTimes
    .map((t) => t.getTime())
    .filter((t) => t > windowStart)
    .sort((a, b) => a - b);
  if (inWindow.length < POST_BURST) return { allowed: true };
  // The oldest post that must leave the window before another fits.
  const frees = inWindow[inWindow.length - POST_BURST]! + POST_WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
}

/** "Reader A", "Reader B", … "Reader AA": stable anonymous labels by position. */
export function anonymousLabel(index: number): string {
  let n = index;
  let label = "";
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Reader ${label}`;
}
