import { getPassageDiscussion } from "@/db/access/discussions";
import { jsonRoute } from "@/lib/route-handler";
import { discussionRequestSchema } from "@/lib/validation/discussion";

/** A passage's discussion in one of the reader's classes (for switching class; the first load comes with the workspace). */
export const GET = jsonRoute(
  discussionRequestSchema,
  async (actor, input) =>
    await getPassageDiscussion(actor, { lessonSlug: input.lesson, passageKey: input.passage, classId: input.class }),
);
