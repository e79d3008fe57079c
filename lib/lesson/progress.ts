/**
 * Where a learner stands in a lesson, passage by passage, and where "Continue" takes them.
 * Pure: the workspace request computes the tallies, the overview page picks the next step.
 */

export type PassageWork = {
  key: string;
  title: string;
  answered: number;
  total: number;
  /** Feedback the instructor has returned on this passage's answers. */
  feedbackReturned: number;
  /** Of that, not yet opened by the student. */
  feedbackUnread: number;
  /** Submitted answers an instructor has still to read (open responses). */
  awaitingFeedback: number;
};

type Question = { id: string; passageId: string; openResponse: boolean };
type Passage = { id: string; key: string; title: string };

/** The tallies per passage, in the lesson's order. */
export function tallyPassageWork(
  passages: Passage[],
  questions: Question[],
  {
    answered,
    returned,
    unread,
    submitted,
  }: { answered: Set<string>; returned: Set<string>; unread: Set<string>; submitted: boolean },
): PassageWork[] {
  return passages.map((p) => {
    const qs = questions.filter((q) => q.passageId === p.id);
    return {
      key: p.key,
      title: p.title,
      answered: qs.filter((q) => answered.has(q.id)).length,
      total: qs.length,
      feedbackReturned: qs.filter((q) => returned.has(q.id)).length,
      feedbackUnread: qs.filter((q) => unread.has(q.id)).length,
      awaitingFeedback: submitted
        ? qs.filter((q) => q.openResponse && answered.has(q.id) && !returned.has(q.id)).length
        : 0,
    };
  });
}

export type NextStep =
  | { kind: "start"; passageKey: string; passageTitle: string }
  | { kind: "continue"; passageKey: string; passageTitle: string }
  | { kind: "summary"; label: string };

/**
 * The one place "Continue" goes: the first passage with a question left to answer; when every
 * question is answered, the summary (to submit in a class, or to look back); nothing begun, the start.
 */
export function nextStep(
  work: PassageWork[],
  { submitted, inClass }: { submitted: boolean; inClass: boolean },
): NextStep | null {
  if (work.length === 0) return null;
  const begun = work.some((p) => p.answered > 0);
  if (submitted) return { kind: "summary", label: "See your results and feedback" };
  if (!begun) return { kind: "start", passageKey: work[0]!.key, passageTitle: work[0]!.title };
  const unfinished = work.find((p) => p.answered < p.total);
  if (unfinished) return { kind: "continue", passageKey: unfinished.key, passageTitle: unfinished.title };
  return { kind: "summary", label: inClass ? "Review and submit" : "See your summary" };
}
