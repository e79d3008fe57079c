import { saveFeedbackDraft } from "@/db/access/feedback";
import { jsonRoute } from "@/lib/route-handler";
import { feedbackDraftSchema } from "@/lib/validation/feedback";

/** The review screen's autosave of one answer's feedback (a draft until returned). */
export const PUT = jsonRoute(feedbackDraftSchema, async (actor, input) => await saveFeedbackDraft(actor, input));
