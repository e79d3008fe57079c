/**
 * Automatic grading. Pure functions: a question as written in its lesson file and a response,
 * in; points, out. Open responses are not graded here: they wait for an instructor (null).
 */
import type { QuestionContent } from "@/content/schema";
import type { AnswerResponse } from "./response";
import { shortAnswerMatches } from "./short-answer";

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function gradeSingleChoice(
  q: Extract<QuestionContent, { type: "single_choice" }>,
  optionId: string | null,
): number {
  return q.options.find((o) => o.id === optionId)?.correct ? q.points : 0;
}

/**
 * Partial credit per option: each right option chosen earns its share, each wrong option chosen
 * takes one back (never below zero), so ticking everything, or guessing, earns little.
 */
export function gradeMultipleSelect(
  q: Extract<QuestionContent, { type: "multiple_select" }>,
  optionIds: readonly string[],
): number {
  const chosen = new Set(optionIds);
  const right = q.options.filter((o) => o.correct && chosen.has(o.id)).length;
  const wrong = q.options.filter((o) => !o.correct && chosen.has(o.id)).length;
  const correctCount = q.options.filter((o) => o.correct).length;
  return round2((q.points * Math.max(0, right - wrong)) / correctCount);
}

/** Every point when the answer says what an accepted one says, as a teacher reads it (./short-answer.ts). */
export function gradeShortAnswer(q: Extract<QuestionContent, { type: "short_answer" }>, text: string): number {
  return shortAnswerMatches(text, q.acceptedAnswers) ? q.points : 0;
}

/**
 * Partial credit: each key sentence found earns its share; each sentence chosen wrongly takes one
 * back. A sentence the question also accepts is not wrong.
 */
export function gradeEvidence(
  q: Extract<QuestionContent, { type: "evidence" }>,
  sentenceIds: readonly string[],
): number {
  const keys = new Set(q.keySentences);
  const neutral = new Set(q.alsoAccepted ?? []);
  const hits = sentenceIds.filter((s) => keys.has(s)).length;
  const misses = sentenceIds.filter((s) => !keys.has(s) && !neutral.has(s)).length;
  return round2((q.points * Math.max(0, hits - misses)) / keys.size);
}

/** Points for an automatically graded answer, or null when an instructor grades it. */
export function gradeAnswer(q: QuestionContent, response: AnswerResponse): number | null {
  if (q.type !== response.type) throw new Error(`A ${response.type} response cannot answer a ${q.type} question`);
  switch (q.type) {
    case "single_choice":
      return gradeSingleChoice(q, (response as Extract<AnswerResponse, { type: "single_choice" }>).optionId);
    case "multiple_select":
      return gradeMultipleSelect(q, (response as Extract<AnswerResponse, { type: "multiple_select" }>).optionIds);
    case "short_answer":
      return gradeShortAnswer(q, (response as Extract<AnswerResponse, { type: "short_answer" }>).text);
    case "evidence":
      return gradeEvidence(q, (response as Extract<AnswerResponse, { type: "evidence" }>).sentenceIds);
    case "open_response":
      return null;
  }
}

export type ScoreSummary = {
  autoEarned: number;
  autoPossible: number;
  awaitingCount: number;
  awaitingPoints: number;
  unansweredCount: number;
};

/**
 * Totals that never count work awaiting an instructor as zero: auto-graded points are reported
 * out of auto-graded points, and what waits is counted apart.
 */
export function summariseScores(
  items: readonly { score: number | null; maxPoints: number; answered: boolean; autoGraded: boolean }[],
): ScoreSummary {
  const summary: ScoreSummary = {
    autoEarned: 0,
    autoPossible: 0,
    awaitingCount: 0,
    awaitingPoints: 0,
    unansweredCount: 0,
  };
  for (const item of items) {
    if (!item.answered) summary.unansweredCount++;
    if (item.autoGraded) {
      summary.autoPossible += item.maxPoints;
      summary.autoEarned += item.score ?? 0;
    } else if (item.answered) {
      summary.awaitingCount++;
      summary.awaitingPoints += item.maxPoints;
    }
  }
  summary.autoEarned = round2(summary.autoEarned);
  return summary;
}

function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, "");
}

/** "12 of 15 auto-graded points, 3 answers awaiting feedback". */
export function describeScore(s: ScoreSummary): string {
  const parts = [`${formatPoints(s.autoEarned)} of ${formatPoints(s.autoPossible)} auto-graded points`];
  if (s.awaitingCount > 0)
    parts.push(`${s.awaitingCount} ${s.awaitingCount === 1 ? "answer" : "answers"} awaiting feedback`);
  return parts.join(", ");
}
