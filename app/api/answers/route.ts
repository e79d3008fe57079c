import { saveDraft } from "@/db/access/answers";
import { jsonRoute } from "@/lib/route-handler";
import { draftRequestSchema } from "@/lib/validation/answers";

/** Autosave: one answer's draft. */
export const PUT = jsonRoute(draftRequestSchema, (actor, input) => saveDraft(actor, input));
