/**
 * What must hold after a server or the database was killed mid-traffic (`npm run soak`): what was
 * acknowledged is stored, no submission is half-written, and nothing was graded twice. Pure:
 * acknowledgements and the stored attempts in, problems out.
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
  const attemptOf = new Map<string, AuditedAttempt>();
  for (const a of attempts) {
    const key = `${a.email} ${a.contextKey}`;
    if (attemptOf.has(key)) problems.push(`${a.email} has more than one attempt in ${a.contextKey}`);
    attemptOf.set(key, a);
  }
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
    if (!a.submittedAt) continue;
    // Submitted answers are final: none saved after the submission, each graded from the text stored.
    for (const x of a.answers) {
      if (x.updatedAt > a.submittedAt)
        problems.push(`${a.email}'s answer to ${x.questionKey} was saved after the attempt was submitted`);
      if (x.autoScore !== null && x.autoScore !== x.scoreOfResponse)
        problems.push(
          `${a.email}'s answer to ${x.questionKey} is graded ${x.autoScore}, but its stored text grades ${x.scoreOfResponse}`,
        );
    }
  }
  return { problems, savesChecked, submissionsChecked };
}

/**
 * Once every client has retried each save until it was acknowledged and then stopped: each
 * answer holds the text its student sent last (`lastSaves`: the newest save per answer).
 */
export function checkLastSaves(lastSaves: Iterable<AcknowledgedSave>, attempts: readonly AuditedAttempt[]): string[] {
  const attemptOf = new Map(attempts.map((a) => [`${a.email} ${a.contextKey}`, a]));
  const problems: string[] = [];
  for (const save of lastSaves) {
    const stored = attemptOf
      .get(`${save.email} ${save.contextKey}`)
      ?.answers.find((a) => a.questionKey === save.questionKey);
    if (!stored || !isDeepStrictEqual(stored.response, save.response))
      problems.push(`${save.email}'s last save of ${save.questionKey} is not what the database holds`);
  }
  return problems;
}
