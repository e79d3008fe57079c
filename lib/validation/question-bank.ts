import { z } from "zod";
import { bankFormats } from "@/lib/question-bank/model";
import { reference } from "./reference";

/** GET /api/question-bank: which lesson, in which format. */
export const questionBankSchema = z.strictObject({
  lesson: reference,
  format: z.enum(bankFormats, { error: "Choose Moodle XML (moodle-xml), GIFT (gift) or QTI 1.2 (qti)." }),
});
