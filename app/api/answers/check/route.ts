import { checkAnswer } from "@/db/access/answers";
import { jsonRoute } from "@/lib/route-handler";
import { checkRequestSchema } from "@/lib/validation/answers";

/** Self-study: check one answer now. */
export const POST = jsonRoute(checkRequestSchema, (actor, input) => checkAnswer(actor, input));
