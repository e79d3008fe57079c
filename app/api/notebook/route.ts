import { saveNotebookEntry } from "@/db/access/notebook";
import { jsonRoute } from "@/lib/route-handler";
import { notebookSchema } from "@/lib/validation/discussion";

/** Autosave of a self-learner's notebook entry for a passage. */
export const PUT = jsonRoute(notebookSchema, async (actor, input) => await saveNotebookEntry(actor, input));
