/** Request schemas for answering. The response itself is checked against its question in the data layer. */
import { z } from "zod";

const slug = z.string().trim().min(1).max(100);

export const draftRequestSchema = z.strictObject({
  lessonSlug: slug,
  questionKey: slug,
  contextKey: z.string().min(1).max(100),
  response: z.unknown(),
  citedSentences: z.array(z.string().max(100)).max(50).optional(),
});

export const checkRequestSchema = draftRequestSchema.omit({ contextKey: true });

/** `passage`: a passage page also gets that passage's discussion (or notebook), so the page makes one request. */
export const workspaceRequestSchema = z.strictObject({
  lesson: slug,
  passage: slug.optional(),
  class: slug.optional(),
});

export const submitRequestSchema = z.strictObject({ lessonSlug: slug, contextKey: z.string().min(1).max(100) });
