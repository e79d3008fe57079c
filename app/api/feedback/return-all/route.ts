import { z } from "zod";
import { returnAllReviewed } from "@/db/access/feedback";
import { jsonRoute } from "@/lib/route-handler";

/** Returns every reviewed-but-not-returned answer of a class at once. */
export const POST = jsonRoute(
  z.strictObject({ classId: z.string().min(1).max(100) }),
  async (actor, { classId }) => await returnAllReviewed(actor, classId),
);
