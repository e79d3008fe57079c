import { z } from "zod";
import { markFeedbackRead } from "@/db/access/my-feedback";
import { jsonRoute } from "@/lib/route-handler";
import { reference } from "@/lib/validation/reference";

/** The student has seen their feedback page: what was new is now read. */
export const POST = jsonRoute(
  z.strictObject({ feedbackIds: z.array(reference).max(5000) }),
  async (actor, { feedbackIds }) => {
    await markFeedbackRead(actor, feedbackIds);
    return { ok: true };
  },
);
