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

export const workspaceRequestSchema = z.strictObject({ lesson: slug });

export const submitRequestSchema = z.strictObject({ lessonSlug: slug, contextKey: z.string().min(1).max(100) });
