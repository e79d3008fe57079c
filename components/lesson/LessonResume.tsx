"use client";

import Link from "next/link";
import { useWorkspace } from "@/components/answering/Workspace";
import { DueDate } from "@/components/classes/DueDate";
import { nextStep } from "@/lib/lesson/progress";
import styles from "./LessonResume.module.css";

/**
 * The top of the lesson overview: for a returning learner, their class and due date, how far
 * they are, and one button to carry on where they stopped; for everyone else, where to start.
 * The page is prerendered; this part fills in from the one workspace request.
 */
export function LessonResume({ slug, first }: { slug: string; first: { key: string; title: string } | null }) {
  const ws = useWorkspace();
  const start = first && (
    <Link href={`/lessons/${slug}/${first.key}`} className={styles.button}>
      Start reading: {first.title}
    </Link>
  );
  if (ws.status !== "ready" || !ws.workspace.passages) {
    return (
      <div className={styles.panel}>
        {start}
        {ws.status === "anonymous" && (
          <p className={styles.note}>
            Anyone can read.{" "}
            <Link prefetch={false} href={`/signin?callbackUrl=${encodeURIComponent(`/lessons/${slug}`)}`}>
              Sign in
            </Link>{" "}
            to answer the questions and keep your progress.
          </p>
        )}
      </div>
    );
  }
  const { context, submittedAt, answeredCount, questionCount, passages } = ws.workspace;
  const unread = passages.reduce((n, p) => n + p.feedbackUnread, 0);
  const step = nextStep(passages, { submitted: !!submittedAt, inClass: context.mode === "class" });
  return (
    <section className={styles.panel} aria-labelledby="resume-heading">
      <h2 id="resume-heading" className={styles.heading}>
        Your progress
      </h2>
      <p className={styles.context}>
        {context.mode === "class" ? (
          <>
            For <strong>{context.className}</strong> ·{" "}
            <DueDate dueAt={context.dueAt ? new Date(context.dueAt) : null} />
            {submittedAt ? " · submitted" : ""}
          </>
        ) : (
          <>
            <strong>Self-study</strong>: your answers are checked as you go.
          </>
        )}
      </p>
      <div className={styles.tally}>
        <span id="resume-progress">
          {answeredCount} of {questionCount} questions answered
          {unread > 0 ? ` · ${unread} new feedback` : ""}
        </span>
        <progress value={answeredCount} max={questionCount || 1} aria-labelledby="resume-progress" />
      </div>
      {step &&
        (step.kind === "summary" ? (
          <Link href={`/lessons/${slug}/summary`} className={styles.button}>
            {step.label}
          </Link>
        ) : (
          <Link href={`/lessons/${slug}/${step.passageKey}`} className={styles.button}>
            {step.kind === "start" ? "Start reading" : "Continue"}: {step.passageTitle}
          </Link>
        ))}
    </section>
  );
}

/** One passage's line in the overview's list: the learner's answers and feedback there. */
export function PassageWorkNote({ passageKey }: { passageKey: string }) {
  const ws = useWorkspace();
  const work = ws.status === "ready" ? ws.workspace.passages?.find((p) => p.key === passageKey) : undefined;
  if (!work || work.total === 0) return null;
  const parts = [
    work.answered === work.total ? `all ${work.total} answered` : `${work.answered} of ${work.total} answered`,
  ];
  if (work.feedbackReturned > 0)
    parts.push(`feedback on ${work.feedbackReturned}${work.feedbackUnread > 0 ? ` (${work.feedbackUnread} new)` : ""}`);
  if (work.awaitingFeedback > 0) parts.push(`${work.awaitingFeedback} awaiting feedback`);
  return (
    <span className={styles.work} data-done={work.answered === work.total || undefined}>
      {" · "}
      {parts.join(" · ")}
    </span>
  );
}
