import { z } from "zod";
import { listLessonProgress } from "@/db/access/answers";
import { jsonRoute } from "@/lib/route-handler";

/** Answered / total per lesson, for the lesson list. */
export const GET = jsonRoute(z.strictObject({}), async (actor) => await listLessonProgress(actor), {
  answerSignedOut: true,
});
