/** The two CSV exports of a gradebook, as rows: grades (one row per student) and answers (one row per answer). */
import type { Cell } from "./csv";
import { cellLabel, describeTotals, type GradebookQuestion, type GradebookRow } from "./gradebook";

export function gradesCsvRows(questions: readonly (GradebookQuestion & { prompt: string })[], rows: readonly GradebookRow[]): Cell[][] {
  const header: Cell[] = ["Student", ...questions.map((q) => `${q.label} (${q.points}) ${q.prompt}`), "Graded points", "Graded out of", "Awaiting review", "Summary"];
  return [
    header,
    ...rows.map((r) => [
      r.student.name,
      ...r.cells.map((c) => (c.state === "graded" || c.state === "unanswered" ? c.points : cellLabel[c.state])),
      r.totals?.earned ?? null,
      r.totals?.gradedPossible ?? null,
      r.totals?.awaitingCount ?? null,
      describeTotals(r.totals),
    ]),
  ];
}

export function answersCsvRows(
  rows: readonly { student: string; email: string; question: string; prompt: string; type: string; answer: string; citedSentences: string; autoScore: number | null; feedbackPoints: number | null; maxPoints: number; returnedComment: string }[],
): Cell[][] {
  return [
    ["Student", "Email", "Question", "Prompt", "Type", "Answer", "Cited sentences", "Automatic score", "Feedback points", "Out of", "Returned comment"],
    ...rows.map((r) => [r.student, r.email, r.question, r.prompt, r.type, r.answer, r.citedSentences, r.autoScore, r.feedbackPoints, r.maxPoints, r.returnedComment]),
  ];
}
