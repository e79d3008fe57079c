import { getDiscussionActivity } from "@/db/access/discussion-activity";
import { jsonRoute } from "@/lib/route-handler";
import { activityRequestSchema } from "@/lib/validation/discussion";

/** Posts per passage and what is new since the reader's last visit, for the lesson overview. */
export const GET = jsonRoute(
  activityRequestSchema,
  async (actor, { lesson }) => await getDiscussionActivity(actor, lesson),
  {
    answerSignedOut: true,
  },
);
