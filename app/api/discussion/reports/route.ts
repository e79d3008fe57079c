import { reportPost } from "@/db/access/moderation";
import { jsonRoute } from "@/lib/route-handler";
import { reportSchema } from "@/lib/validation/discussion";

/** A student reports a post to the instructor. */
export const POST = jsonRoute(reportSchema, (actor, input) => reportPost(actor, input));
