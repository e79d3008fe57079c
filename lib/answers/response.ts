/**
 * What an answer looks like for each question type, checked against the question itself:
 * option ids must be the question's, sentence ids the passage's, texts within the limit.
 */
import { z } from "zod";
import type { QuestionContent } from "@/content/schema";
import { citationScopeOf, type CitationScope } from "@/lib/lesson/citation-scope";
import type { AnswerResponse } from "./response-shape";
import { isStorableText } from "@/lib/validation/text";

export { emptyResponse, isAnswered, type AnswerResponse } from "./response-shape";

export const MAX_CITED_SENTENCES = 10;

const id = z.string().max(100);

/** Answers are stored as JSON, which would keep NUL, ESC and the like exactly: they reach CSV exports and spreadsheets raw. */
export const ANSWER_UNREADABLE_TEXT =
  "The answer contains characters that cannot be saved (control characters, often from pasted text). Remove them; your text stays here until it is saved.";
const answerText = (maxLength: number, tooLong: string) =>
  z.string().max(maxLength, { error: tooLong }).refine(isStorableText, { error: ANSWER_UNREADABLE_TEXT });

/**
 * The schema of a response to this question, with the sentences it may select: its passage's, or,
 * for a question on the whole article (citationScope "lesson"), the article's.
 */
export function responseSchema(
  question: QuestionContent,
  allowedSentenceIds: ReadonlySet<string>,
): z.ZodType<AnswerResponse> {
  const where = citationScopeOf(question) === "lesson" ? "this article" : "this passage";
  const sentence = id.refine((s) => allowedSentenceIds.has(s), { error: `That sentence is not in ${where}.` });
  const unique = (ids: string[]) => new Set(ids).size === ids.length;
  switch (question.type) {
    case "single_choice": {
      const options = question.options.map((o) => o.id);
      return z.strictObject({
        type: z.literal("single_choice"),
        optionId: id
          .refine((o) => options.includes(o), { error: "That is not one of this question's options." })
          .nullable(),
      });
    }
    case "multiple_select": {
      const options = question.options.map((o) => o.id);
      return z.strictObject({
        type: z.literal("multiple_select"),
        optionIds: z
          .array(id.refine((o) => options.includes(o), { error: "That is not one of this question's options." }))
          .max(options.length)
          .refine(unique, { error: "An option is chosen twice." }),
      });
    }
    case "short_answer":
      return z.strictObject({
        type: z.literal("short_answer"),
        text: answerText(question.maxLength, `Keep the answer to ${question.maxLength} characters.`),
      });
    case "evidence": {
      const max = question.maxSelections ?? MAX_CITED_SENTENCES;
      return z.strictObject({
        type: z.literal("evidence"),
        sentenceIds: z
          .array(sentence)
          .max(max, { error: `Choose at most ${max} sentences.` })
          .refine(unique, { error: "A sentence is chosen twice." }),
      });
    }
    case "open_response":
      return z.strictObject({
        type: z.literal("open_response"),
        text: answerText(
          question.maxLength,
          `Keep the answer to ${question.maxLength.toLocaleString("en")} characters.`,
        ),
      });
  }
}

/** Sentences an open response cites: from where the question allows (its passage, or the article), at most ten, each once. */
export function citedSentencesSchema(allowedSentenceIds: ReadonlySet<string>, scope: CitationScope = "passage") {
  return z
    .array(
      id.refine((s) => allowedSentenceIds.has(s), {
        error: `A cited sentence is not in ${scope === "lesson" ? "this article" : "this passage"}.`,
      }),
    )
    .max(MAX_CITED_SENTENCES, { error: `Cite at most ${MAX_CITED_SENTENCES} sentences.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: "A sentence is cited twice." });
}
