import { dismissReports, moderateThread, setPostHidden } from "@/db/access/moderation";
import { jsonRoute } from "@/lib/route-handler";
import { moderationSchema } from "@/lib/validation/discussion";

/** The instructor pins, locks, hides, or dismisses reports. */
export const POST = jsonRoute(moderationSchema, (actor, input) => {
  switch (input.action) {
    case "pin":
    case "unpin":
      return moderateThread(actor, { threadId: input.threadId, pinned: input.action === "pin" });
    case "lock":
    case "unlock":
      return moderateThread(actor, { threadId: input.threadId, locked: input.action === "lock" });
    case "hide":
    case "unhide":
      return setPostHidden(actor, { postId: input.postId, hidden: input.action === "hide" });
    case "dismiss-reports":
      return dismissReports(actor, input.postId);
  }
});
