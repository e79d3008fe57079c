/** Request schemas for answering. The response itself is checked against its question in the data layer. */
import { z } from "zod";
import { reference } from "./reference";

const slug = reference;

export const draftRequestSchema = z.strictObject({
  lessonSlug: slug,
  questionKey: slug,
  contextKey: reference,
  response: z.unknown(),
  citedSentences: z.array(reference).max(50).optional(),
});

export const checkRequestSchema = draftRequestSchema.omit({ contextKey: true });

/** `passage`: a passage page also gets that passage's discussion (or notebook), so the page makes one request. */
export const workspaceRequestSchema = z.strictObject({
  lesson: slug,
  passage: slug.optional(),
  class: slug.optional(),
});

export const submitRequestSchema = z.strictObject({ lessonSlug: slug, contextKey: reference });
