/**
 * Where each student of a class is with each assigned lesson, as the class page shows it.
 * Pure: the data layer (db/access/classes.ts) counts, this decides and words.
 */
export type LessonProgressState = "not-started" | "in-progress" | "submitted" | "feedback-returned";

/** What the data layer counts for one student and one lesson in the class. */
export type LessonProgressFacts = {
  /** Questions with an answer (drafts included). */
  answered: number;
  /** Questions in the lesson now. */
  questions: number;
  submitted: boolean;
  /** Submitted written answers whose feedback has not been returned yet. */
  awaitingFeedback: number;
  /** Answers with feedback returned to the student. */
  feedbackReturned: number;
};

/**
 * Not started until something is answered; in progress until submitted; submitted while any
 * written answer awaits its feedback (or when there is nothing to give feedback on); feedback
 * returned once the instructor has returned feedback and nothing awaits it.
 */
export function lessonProgressState(f: LessonProgressFacts): LessonProgressState {
  if (f.submitted) return f.feedbackReturned > 0 && f.awaitingFeedback === 0 ? "feedback-returned" : "submitted";
  return f.answered > 0 ? "in-progress" : "not-started";
}

export const lessonProgressLabel: Record<LessonProgressState, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  submitted: "Submitted",
  "feedback-returned": "Feedback returned",
};

/** The state in words, with the detail that helps an instructor act: "In progress, 5 of 42 answered". */
export function describeLessonProgress(f: LessonProgressFacts): string {
  const state = lessonProgressState(f);
  const label = lessonProgressLabel[state];
  if (state === "in-progress") return `${label}, ${Math.min(f.answered, f.questions)} of ${f.questions} answered`;
  if (state === "submitted" && f.awaitingFeedback > 0) {
    const some = f.feedbackReturned > 0 ? `, ${f.feedbackReturned} returned` : "";
    return `${label}, ${f.awaitingFeedback} ${f.awaitingFeedback === 1 ? "answer awaits" : "answers await"} feedback${some}`;
  }
  return label;
}
