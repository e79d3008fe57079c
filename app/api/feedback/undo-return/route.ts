import { undoReturn } from "@/db/access/feedback";
import { jsonRoute } from "@/lib/route-handler";
import { undoReturnSchema } from "@/lib/validation/feedback";

/** Takes a returned answer's feedback back, while its student has not opened it. */
export const POST = jsonRoute(undoReturnSchema, async (actor, input) => await undoReturn(actor, input));
