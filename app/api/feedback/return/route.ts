import { returnFeedback } from "@/db/access/feedback";
import { jsonRoute } from "@/lib/route-handler";
import { returnFeedbackSchema } from "@/lib/validation/feedback";

/** Returns feedback on one or many answers to their students. */
export const POST = jsonRoute(returnFeedbackSchema, async (actor, input) => await returnFeedback(actor, input));
