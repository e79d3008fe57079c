import { createMark, deleteMark, updateMark } from "@/db/access/marks";
import { jsonRoute } from "@/lib/route-handler";
import { markChangeSchema, markRefSchema, newMarkSchema } from "@/lib/validation/marks";

/** A reader adds a mark to the passage, changes its tag or note, or deletes it: their own only. */
export const POST = jsonRoute(newMarkSchema, async (actor, input) => ({ mark: await createMark(actor, input) }));
export const PATCH = jsonRoute(markChangeSchema, async (actor, input) => ({ mark: await updateMark(actor, input) }));
export const DELETE = jsonRoute(markRefSchema, async (actor, { id }) => await deleteMark(actor, id));
