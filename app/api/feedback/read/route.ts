import { z } from "zod";
import { markFeedbackRead } from "@/db/access/feedback";
import { jsonRoute } from "@/lib/route-handler";

/** The student has seen their feedback page: what was new is now read. */
export const POST = jsonRoute(z.strictObject({}), async (actor) => {
  await markFeedbackRead(actor);
  return { ok: true };
});
