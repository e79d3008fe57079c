/**
 * What must hold after the server was killed mid-traffic (`npm run soak`): what it acknowledged
 * is stored, and no submission is half-written. Pure: acknowledgements and the stored attempts in,
 * problems out.
 */
import { isDeepStrictEqual } from "node:util";
import type { AuditedAttempt } from "@/db/testing/crash-audit";

/** The newest save of one answer that the server acknowledged (2xx with its revision). */
export type AcknowledgedSave = {
  email: string;
  contextKey: string;
  questionKey: string;
  revision: number;
  response: unknown;
};
export type AcknowledgedSubmission = { email: string; contextKey: string };

export type CrashCheck = { problems: string[]; savesChecked: number; submissionsChecked: number };

export function checkAfterCrash(
  saves: Iterable<AcknowledgedSave>,
  submissions: Iterable<AcknowledgedSubmission>,
  attempts: readonly AuditedAttempt[],
): CrashCheck {
  const problems: string[] = [];
  const attemptOf = new Map(attempts.map((a) => [`${a.email} ${a.contextKey}`, a]));
  let savesChecked = 0;
  for (const save of saves) {
    savesChecked++;
    const stored = attemptOf
      .get(`${save.email} ${save.contextKey}`)
      ?.answers.find((a) => a.questionKey === save.questionKey);
    const what = `${save.email}'s save of ${save.questionKey} (revision ${save.revision})`;
    if (!stored) problems.push(`${what} was acknowledged but is not in the database`);
    else if (stored.revision < save.revision)
      problems.push(`${what} was acknowledged but the database holds revision ${stored.revision}`);
    else if (stored.revision === save.revision && !isDeepStrictEqual(stored.response, save.response))
      problems.push(`${what}: the database holds other text at that revision`);
  }
  let submissionsChecked = 0;
  for (const s of submissions) {
    submissionsChecked++;
    if (!attemptOf.get(`${s.email} ${s.contextKey}`)?.submittedAt)
      problems.push(`${s.email}'s submission was acknowledged but is not recorded`);
  }
  // A submission claims the attempt and grades its answers in one transaction: both or neither.
  for (const a of attempts) {
    const ungraded = a.answers.filter((x) => x.autoGraded && x.autoScore === null).map((x) => x.questionKey);
    const graded = a.answers.filter((x) => x.autoScore !== null).map((x) => x.questionKey);
    if (a.submittedAt && ungraded.length)
      problems.push(`${a.email}'s attempt is submitted but ${ungraded.join(", ")} are not graded`);
    if (!a.submittedAt && graded.length)
      problems.push(`${a.email}'s attempt is not submitted but ${graded.join(", ")} have grades`);
  }
  return { problems, savesChecked, submissionsChecked };
}
