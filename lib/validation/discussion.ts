/** Request schemas for discussions and the notebook. Membership and content rules are checked in the data layer. */
import { z } from "zod";
import { reference } from "./reference";
import { isStorableLine, isStorableText, UNREADABLE_TEXT } from "./text";
import { NOTEBOOK_MAX_CHARS, POST_MAX_CHARS, TITLE_MAX_CHARS } from "@/lib/discussion/rules";

const id = reference;

export const postBody = z
  .string({ error: "Write something before posting." })
  .trim()
  .min(1, { error: "Write something before posting." })
  .max(POST_MAX_CHARS, { error: `Keep a post to ${POST_MAX_CHARS.toLocaleString("en")} characters.` })
  .refine(isStorableText, { error: UNREADABLE_TEXT });

export const threadTitle = z
  .string({ error: "Give the thread a title." })
  .trim()
  .min(1, { error: "Give the thread a title." })
  .max(TITLE_MAX_CHARS, { error: `Keep the title to ${TITLE_MAX_CHARS} characters.` })
  .refine(isStorableLine, { error: UNREADABLE_TEXT });

const quotedSentenceId = id.nullable().optional();

export const discussionRequestSchema = z.strictObject({ lesson: id, passage: id, class: id.optional() });

export const newThreadSchema = z.strictObject({
  lessonSlug: id,
  passageKey: id,
  classId: id,
  title: threadTitle,
  body: postBody,
  prompt: z.string().max(1000).refine(isStorableText, { error: UNREADABLE_TEXT }).nullable().optional(),
  quotedSentenceId,
});

export const replySchema = z.strictObject({ threadId: id, body: postBody, quotedSentenceId });

export const editPostSchema = z.strictObject({
  postId: id,
  body: postBody,
  title: threadTitle.optional(),
  quotedSentenceId,
});

export const deletePostSchema = z.strictObject({ postId: id });

export const moderationSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.enum(["pin", "unpin", "lock", "unlock"]), threadId: id }),
  z.strictObject({ action: z.enum(["hide", "unhide", "dismiss-reports"]), postId: id }),
]);

export const reportSchema = z.strictObject({
  postId: id,
  reason: z
    .string({ error: "Say briefly what is wrong with the post." })
    .trim()
    .min(1, { error: "Say briefly what is wrong with the post." })
    .max(500, { error: "Keep the reason to 500 characters." })
    .refine(isStorableText, { error: UNREADABLE_TEXT }),
});

export const notebookSchema = z.strictObject({
  lessonSlug: id,
  passageKey: id,
  body: z
    .string()
    .max(NOTEBOOK_MAX_CHARS, {
      error: `Keep a notebook entry to ${NOTEBOOK_MAX_CHARS.toLocaleString("en")} characters.`,
    })
    .refine(isStorableText, { error: UNREADABLE_TEXT }),
});

export const activityRequestSchema = z.strictObject({ lesson: id });

/** The instructor's form for sharing answers as a class snapshot (a server action). */
export const snapshotFormSchema = z.strictObject({
  classId: id,
  lessonSlug: id,
  questionKey: id,
  answerIds: z
    .array(id, { error: "Choose at least one answer to share." })
    .min(1, { error: "Choose at least one answer to share." })
    .max(12, { error: "Share at most 12 answers at once." }),
  showNames: z.boolean(),
  title: threadTitle,
  note: postBody,
});
