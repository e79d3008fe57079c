import { getWorkspace } from "@/db/access/answers";
import { getPassageDiscussion } from "@/db/access/discussions";
import { countUnreadFeedback } from "@/db/access/my-feedback";
import { listMyMarks } from "@/db/access/marks";
import { getReadingPreferences } from "@/db/access/users";
import type { Actor } from "@/lib/actor";
import { NotFoundError } from "@/lib/errors";
import { jsonRoute } from "@/lib/route-handler";
import { workspaceRequestSchema } from "@/lib/validation/answers";

/**
 * Everything per-user a prerendered lesson page loads, in one request: context, drafts, results,
 * the passage's discussion and the reader's marks on it, and who is signed in (for the header, which then need not ask).
 */
export const GET = jsonRoute(
  workspaceRequestSchema,
  async (actor, { lesson, passage, class: classId }) => {
    const [work, discussion, marks, viewer] = await Promise.all([
      getWorkspace(actor, lesson, passage),
      passage ? discussionOf(actor, lesson, passage, classId) : null,
      passage ? marksOf(actor, lesson, passage) : [],
      viewerOf(actor),
    ]);
    return { ...work, discussion, marks, viewer };
  },
  // A visitor reading the public library is told so with a 200, not a 401 that browsers log as an error.
  { answerSignedOut: true },
);

/** Who is signed in, for the header, with the account's reading preferences for the passage. */
async function viewerOf(actor: Actor) {
  const [unreadFeedback, readingPreferences] = await Promise.all([
    actor.role === "student" ? countUnreadFeedback(actor) : 0,
    getReadingPreferences(actor),
  ]);
  return { name: actor.name, email: actor.email, role: actor.role, unreadFeedback, readingPreferences };
}

/** Marks that fail to load must not stop the learner answering either: none are shown, and it is logged. */
async function marksOf(actor: Actor, lessonSlug: string, passageKey: string) {
  try {
    return await listMyMarks(actor, { lessonSlug, passageKey });
  } catch (err) {
    if (!(err instanceof NotFoundError))
      console.error("The reader's marks could not be loaded with the workspace", err);
    return [];
  }
}

/**
 * The class asked for in the page's address, or (when it is not one of theirs) the reader's first.
 * A discussion that fails to load must not stop the learner answering: it is left out, and logged.
 */
async function discussionOf(actor: Actor, lessonSlug: string, passageKey: string, classId: string | undefined) {
  try {
    try {
      return await getPassageDiscussion(actor, { lessonSlug, passageKey, classId });
    } catch (err) {
      if (classId && err instanceof NotFoundError) return await getPassageDiscussion(actor, { lessonSlug, passageKey });
      throw err;
    }
  } catch (err) {
    if (!(err instanceof NotFoundError)) console.error("The discussion could not be loaded with the workspace", err);
    return null;
  }
}
