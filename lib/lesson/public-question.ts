/**
 * The part of a question a reader may see before answering. Lesson pages are public and
 * prerendered, so anything that gives an answer away (correct flags, explanations, accepted
 * answers, key sentences, exemplars) must never reach them.
 */
import type { QuestionContent, RubricCriterion } from "@/content/schema";
import { citationScopeOf, type CitationScope } from "./citation-scope";

type Base = { key: string; kind: "comprehension" | "critical"; prompt: string; points: number };

export type PublicQuestion =
  | (Base & { type: "single_choice" | "multiple_select"; options: { id: string; text: string }[] })
  | (Base & { type: "short_answer"; maxLength: number })
  | (Base & { type: "evidence"; maxSelections: number | null; citationScope: CitationScope })
  | (Base & { type: "open_response"; maxLength: number; rubric: RubricCriterion[]; citationScope: CitationScope });

export function toPublicQuestion(q: QuestionContent): PublicQuestion {
  const base: Base = { key: q.id, kind: q.kind, prompt: q.prompt, points: q.points };
  switch (q.type) {
    case "single_choice":
    case "multiple_select":
      return { ...base, type: q.type, options: q.options.map(({ id, text }) => ({ id, text })) };
    case "short_answer":
      return { ...base, type: q.type, maxLength: q.maxLength };
    case "evidence":
      return { ...base, type: q.type, maxSelections: q.maxSelections ?? null, citationScope: citationScopeOf(q) };
    case "open_response":
      // The rubric is shown up front: students write better when they know how they will be read.
      return { ...base, type: q.type, maxLength: q.maxLength, rubric: q.rubric, citationScope: citationScopeOf(q) };
  }
}

export const questionTypeLabel: Record<QuestionContent["type"], string> = {
  single_choice: "Single choice",
  multiple_select: "Multiple select",
  short_answer: "Short answer",
  evidence: "Evidence",
  open_response: "Open response",
};
