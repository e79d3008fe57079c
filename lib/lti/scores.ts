/**
 * LTI Assignment and Grade Services (AGS 2.0), the score side: what Marginalia posts to an LMS line
 * item for a student's lesson, computed as the gradebook counts it (lib/gradebook.ts), and how
 * failed posts are retried. Pure.
 */
import { describeTotals, type GradebookTotals } from "@/lib/gradebook";

export const AGS_SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

export type LmsScore = {
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: "Submitted" | "Completed";
  gradingProgress: "Pending" | "FullyGraded";
  comment: string;
};

/**
 * The score of a submitted lesson: graded points out of all the lesson's points. What awaits review
 * is never sent as zero: the LMS is told the grading is still pending, and the comment says how much
 * is left.
 */
export function lmsScore(totals: GradebookTotals): LmsScore {
  const pending = totals.awaitingCount > 0;
  return {
    scoreGiven: totals.earned,
    scoreMaximum: totals.gradedPossible + totals.awaitingPoints,
    activityProgress: pending ? "Submitted" : "Completed",
    gradingProgress: pending ? "Pending" : "FullyGraded",
    comment: `${describeTotals(totals)}. Feedback is in Marginalia.`,
  };
}

/** The line item's scores endpoint: `/scores` after its path, before any query (AGS §3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.href;
}

/** After the nth failed post in a row: 30 s, 2 min, 8 min, 32 min, then every 2 hours. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, failures - 1), 2 * 60 * 60 * 1000);
}
