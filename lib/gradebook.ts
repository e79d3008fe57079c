/**
 * The gradebook's arithmetic: students × questions, each cell graded, awaiting review, or not
 * submitted, and totals that never count what awaits review as zero. Pure: data in, data out.
 */
export type GradebookQuestion = { key: string; label: string; points: number; autoGraded: boolean };
export type GradebookStudent = { id: string; name: string; submitted: boolean; email?: string };
export type GradebookAnswer = {
  studentId: string;
  questionKey: string;
  answered: boolean;
  autoScore: number | null;
  feedback: { points: number | null; returned: boolean } | null;
};

export type CellState = "not-submitted" | "unanswered" | "graded" | "awaiting-review" | "reviewed-not-returned";
export type GradebookCell = { state: CellState; points: number | null };
export type GradebookTotals = { earned: number; gradedPossible: number; awaitingCount: number; awaitingPoints: number };
export type GradebookRow = { student: GradebookStudent; cells: GradebookCell[]; totals: GradebookTotals | null };

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function gradeCell(
  q: GradebookQuestion,
  student: GradebookStudent,
  answer: GradebookAnswer | undefined,
): GradebookCell {
  if (!student.submitted) return { state: "not-submitted", points: null };
  if (!answer?.answered) return { state: "unanswered", points: 0 }; // submitted without an answer: a real zero
  // An instructor's returned points win: a rubric score, or an override of the automatic grade.
  if (q.autoGraded && !(answer.feedback?.returned && answer.feedback.points !== null))
    return { state: "graded", points: answer.autoScore ?? 0 };
  if (answer.feedback?.returned && answer.feedback.points !== null)
    return { state: "graded", points: answer.feedback.points };
  if (answer.feedback && answer.feedback.points !== null)
    return { state: "reviewed-not-returned", points: answer.feedback.points };
  return { state: "awaiting-review", points: null };
}

export function buildGradebook(
  questions: readonly GradebookQuestion[],
  students: readonly GradebookStudent[],
  answers: readonly GradebookAnswer[],
): GradebookRow[] {
  const byKey = new Map(answers.map((a) => [`${a.studentId}\u0000${a.questionKey}`, a]));
  return students.map((student) => {
    const cells = questions.map((q) => gradeCell(q, student, byKey.get(`${student.id}\u0000${q.key}`)));
    if (!student.submitted) return { student, cells, totals: null };
    const totals: GradebookTotals = { earned: 0, gradedPossible: 0, awaitingCount: 0, awaitingPoints: 0 };
    cells.forEach((cell, i) => {
      const q = questions[i]!;
      if (cell.state === "graded" || cell.state === "unanswered") {
        totals.earned += cell.points ?? 0;
        totals.gradedPossible += q.points;
      } else {
        totals.awaitingCount++;
        totals.awaitingPoints += q.points;
      }
    });
    totals.earned = round2(totals.earned);
    return { student, cells, totals };
  });
}

/** "18 of 24 graded points, 2 awaiting review (12 points)". */
export function describeTotals(t: GradebookTotals | null): string {
  if (!t) return "Not submitted";
  const graded = `${t.earned} of ${t.gradedPossible} graded points`;
  return t.awaitingCount > 0 ? `${graded}, ${t.awaitingCount} awaiting review (${t.awaitingPoints} points)` : graded;
}

/**
 * The same totals, short enough for the gradebook's cell: "18/24 · 2 awaiting". The page keeps
 * describeTotals' words beside it for screen readers and on hover.
 */
export function shortTotals(t: GradebookTotals | null): string {
  if (!t) return "Not submitted";
  const graded = `${t.earned}/${t.gradedPossible}`;
  return t.awaitingCount > 0 ? `${graded} · ${t.awaitingCount} awaiting` : graded;
}

export const cellLabel: Record<CellState, string> = {
  "not-submitted": "not submitted",
  unanswered: "unanswered",
  graded: "graded",
  "awaiting-review": "awaiting review",
  "reviewed-not-returned": "reviewed, not returned",
};
