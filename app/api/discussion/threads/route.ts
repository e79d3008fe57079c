import { startThread } from "@/db/access/discussions";
import { jsonRoute } from "@/lib/route-handler";
import { newThreadSchema } from "@/lib/validation/discussion";

/** Starts a thread; answers with the passage's discussion as it now stands. */
export const POST = jsonRoute(newThreadSchema, (actor, input) => startThread(actor, input));
