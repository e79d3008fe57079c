/**
 * The shapes of answers, with no validation library: safe to use in the browser.
 * Validation against a question lives in ./response.ts.
 */
import type { QuestionContent } from "@/content/schema";

export type AnswerResponse =
  | { type: "single_choice"; optionId: string | null }
  | { type: "multiple_select"; optionIds: string[] }
  | { type: "short_answer"; text: string }
  | { type: "evidence"; sentenceIds: string[] }
  | { type: "open_response"; text: string };

/** Whether the response says anything yet (an empty draft does not count as answered). */
export function isAnswered(response: AnswerResponse): boolean {
  switch (response.type) {
    case "single_choice":
      return response.optionId !== null;
    case "multiple_select":
      return response.optionIds.length > 0;
    case "evidence":
      return response.sentenceIds.length > 0;
    case "short_answer":
    case "open_response":
      return response.text.trim().length > 0;
  }
}

export function emptyResponse(type: QuestionContent["type"]): AnswerResponse {
  switch (type) {
    case "single_choice":
      return { type, optionId: null };
    case "multiple_select":
      return { type, optionIds: [] };
    case "evidence":
      return { type, sentenceIds: [] };
    case "short_answer":
    case "open_response":
      return { type, text: "" };
  }
}
