"use server";

import { revalidatePath } from "next/cache";
import { submitLesson } from "@/db/access/answers";
import { describeScore } from "@/lib/answers/grading";
import { formAction } from "@/lib/server-action";
import { submitRequestSchema } from "@/lib/validation/answers";

export const submitLessonAction = formAction(submitRequestSchema, async (actor, { lessonSlug, contextKey }) => {
  const result = await submitLesson(actor, lessonSlug, contextKey);
  revalidatePath(`/lessons/${lessonSlug}/summary`);
  return {
    status: "success",
    message: `${result.alreadySubmitted ? "This lesson was already submitted" : "Submitted"}. ${describeScore(result.score)}.`,
  };
});
