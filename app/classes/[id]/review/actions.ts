"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { overrideGrade, returnFeedback } from "@/db/access/feedback";
import { formAction } from "@/lib/server-action";
import { overrideSchema } from "@/lib/validation/feedback";
import { reference } from "@/lib/validation/reference";
import { unscoredMessage } from "@/lib/review/return-rules";

export const overrideGradeAction = formAction(overrideSchema, async (actor, input) => {
  await overrideGrade(actor, input);
  revalidatePath(`/classes/${input.classId}/review`, "layout");
  return { status: "success", message: "Override saved as a draft. Return it to the student when ready." };
});

export const returnOneAction = formAction(
  z.strictObject({ classId: reference, answerId: reference }),
  async (actor, { classId, answerId }) => {
    const { returned, notReturned } = await returnFeedback(actor, { classId, answerIds: [answerId] });
    revalidatePath(`/classes/${classId}/review`, "layout");
    if (notReturned[0]) return { status: "error", message: unscoredMessage(notReturned[0].missing) };
    return {
      status: returned > 0 ? "success" : "error",
      message: returned > 0 ? "Returned to the student." : "There is no feedback on this answer to return yet.",
    };
  },
);
