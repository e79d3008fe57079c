/**
 * The two CSV exports of a gradebook, as rows: grades (one row per student) and answers (one row
 * per answer). Score columns hold numbers only (empty when there is no score), so a spreadsheet
 * can sum them; what a score's absence means is in a state column of its own.
 */
import type { Cell } from "./csv";
import { cellLabel, type GradebookQuestion, type GradebookRow } from "./gradebook";
import type { InlineComment } from "./inline-comments";
import { shownEmail } from "@/lib/lti/placeholder-email";

export const GRADES_TOTAL_HEADERS = [
  "Graded points",
  "Graded out of",
  "Awaiting review (answers)",
  "Awaiting review (points)",
] as const;

export function gradesCsvRows(
  questions: readonly (GradebookQuestion & { prompt: string })[],
  rows: readonly GradebookRow[],
): Cell[][] {
  const header: Cell[] = [
    "Student",
    "Email",
    "Lesson status",
    ...GRADES_TOTAL_HEADERS,
    ...questions.map((q) => `${q.label} score (out of ${q.points}): ${q.prompt}`),
    ...questions.map((q) => `${q.label} state`),
  ];
  return [
    header,
    ...rows.map((r) => [
      r.student.name,
      shownEmail(r.student.email ?? ""),
      r.student.submitted ? "submitted" : "not submitted",
      r.totals?.earned ?? null,
      r.totals?.gradedPossible ?? null,
      r.totals?.awaitingCount ?? null,
      r.totals?.awaitingPoints ?? null,
      // Only points that count: a draft's points are not a score yet.
      ...r.cells.map((c) => (c.state === "graded" || c.state === "unanswered" ? c.points : null)),
      ...r.cells.map((c) =>
        c.state === "reviewed-not-returned" ? `${cellLabel[c.state]} (draft: ${c.points})` : cellLabel[c.state],
      ),
    ]),
  ];
}

export type AnswerState = "automatically graded" | "awaiting review" | "draft feedback" | "returned";

export type AnswerCsvRow = {
  student: string;
  email: string;
  /** The question's number in the gradebook (Q3 is 3); null for a question retired since. */
  questionNumber: number | null;
  question: string;
  passage: string;
  prompt: string;
  type: string;
  answer: string;
  citedSentences: string;
  autoScore: number | null;
  feedbackPoints: number | null;
  maxPoints: number;
  state: AnswerState;
  returnedComment: string;
  /** The returned comments anchored on words of the answer. */
  inlineComments: readonly InlineComment[];
};

/** Where an answer's review stands: returned wins, then a draft, then by who grades it. */
export function answerState(a: { autoGraded: boolean; hasFeedback: boolean; returned: boolean }): AnswerState {
  if (a.returned) return "returned";
  if (a.hasFeedback) return "draft feedback";
  return a.autoGraded ? "automatically graded" : "awaiting review";
}

/** Comments on words as “the words”: the comment, one per line, in reading order. */
export function describeInlineComments(comments: readonly InlineComment[]): string {
  return [...comments]
    .sort((a, b) => a.start - b.start)
    .map((c) => `“${c.quote}”: ${c.text}`)
    .join("\n");
}

export const ANSWERS_HEADER = [
  "Student",
  "Email",
  "Question number",
  "Question id",
  "Passage",
  "Prompt",
  "Type",
  "Answer",
  "Cited sentences",
  "Automatic score",
  "Feedback points",
  "Out of",
  "State",
  "Returned comment",
  "Returned comments on words",
] as const;

export function answersCsvRows(rows: readonly AnswerCsvRow[]): Cell[][] {
  return [
    [...ANSWERS_HEADER],
    ...rows.map((r) => [
      r.student,
      shownEmail(r.email),
      r.questionNumber,
      r.question,
      r.passage,
      r.prompt,
      r.type,
      r.answer,
      r.citedSentences,
      r.autoScore,
      r.feedbackPoints,
      r.maxPoints,
      r.state,
      r.returnedComment,
      describeInlineComments(r.inlineComments),
    ]),
  ];
}
