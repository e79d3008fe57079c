import { replyToThread } from "@/db/access/discussions";
import { jsonRoute } from "@/lib/route-handler";
import { replySchema } from "@/lib/validation/discussion";

/** Replies to a thread; answers with the passage's discussion as it now stands. */
export const POST = jsonRoute(replySchema, (actor, input) => replyToThread(actor, input));
