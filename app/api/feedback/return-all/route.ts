import { z } from "zod";
import { returnAllReviewed } from "@/db/access/feedback";
import { jsonRoute } from "@/lib/route-handler";
import { reference } from "@/lib/validation/reference";

/** Returns every reviewed-but-not-returned answer of a class at once. */
export const POST = jsonRoute(
  z.strictObject({ classId: reference }),
  async (actor, { classId }) => await returnAllReviewed(actor, classId),
);
