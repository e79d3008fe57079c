import { z } from "zod";
import { reference } from "./reference";
import { isStorableText, UNREADABLE_TEXT } from "./text";

export const MAX_COMMENT = 5000;

const id = reference;

export const inlineCommentSchema = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().min(1).max(2000).refine(isStorableText, { error: UNREADABLE_TEXT }),
  text: z
    .string()
    .trim()
    .min(1, { error: "Write the comment for the selected words." })
    .max(1000, { error: "Keep a comment on words to 1,000 characters." })
    .refine(isStorableText, { error: UNREADABLE_TEXT }),
});

export const feedbackDraftSchema = z.strictObject({
  classId: id,
  answerId: id,
  rubricLevels: z.record(reference, z.number().int().min(0).max(100)),
  comment: z
    .string()
    .max(MAX_COMMENT, { error: `Keep the comment to ${MAX_COMMENT.toLocaleString("en")} characters.` })
    .refine(isStorableText, { error: UNREADABLE_TEXT }),
  inlineComments: z.array(inlineCommentSchema).max(50, { error: "At most 50 comments on words." }).default([]),
});

export const returnFeedbackSchema = z.strictObject({
  classId: id,
  answerIds: z.array(id).min(1).max(2000),
});

export const undoReturnSchema = z.strictObject({ classId: id, answerId: id });

const commentText = z
  .string()
  .trim()
  .min(1, { error: "A saved comment needs some text." })
  .max(MAX_COMMENT, { error: `Keep the comment to ${MAX_COMMENT.toLocaleString("en")} characters.` })
  .refine(isStorableText, { error: UNREADABLE_TEXT });

export const savedCommentCreateSchema = z.strictObject({
  lessonSlug: id,
  questionKey: id.nullable(),
  text: commentText,
});
export const savedCommentUpdateSchema = z.strictObject({ id, text: commentText });
export const savedCommentDeleteSchema = z.strictObject({ id });
export const savedCommentListSchema = z.strictObject({ lesson: id, question: id });

export const overrideSchema = z.strictObject({
  classId: id,
  answerId: id,
  points: z
    .string()
    .trim()
    .min(1, { error: "Enter the points." })
    .transform(Number)
    .pipe(
      z.number({ error: "Enter the points as a number." }).min(0, { error: "Points cannot be negative." }).max(100),
    ),
  reason: z
    .string()
    .trim()
    .min(1, { error: "Say why the grade changes: the student will read it." })
    .max(500, { error: "Keep the reason to 500 characters." })
    .refine(isStorableText, { error: UNREADABLE_TEXT }),
});
