import type { Metadata } from "next";
import Link from "next/link";
import { getLessonSummary, type SummaryItem } from "@/db/access/answers";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { describeScore } from "@/lib/answers/grading";
import { questionTypeLabel } from "@/lib/lesson/public-question";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { SubmitLessonForm } from "@/components/answering/SubmitLessonForm";
import { DueDate } from "@/components/classes/DueDate";
import { FeedbackNote } from "@/components/answering/FeedbackNote";
import styles from "./summary.module.css";

export const metadata: Metadata = { title: "Your summary" };

const stateLabel: Record<SummaryItem["state"], string> = {
  unanswered: "Not answered",
  draft: "Draft saved",
  checked: "Checked",
  submitted: "Submitted",
  "awaiting-feedback": "Awaiting feedback",
  "feedback-returned": "Feedback returned",
};

function groupByPassage(items: SummaryItem[]) {
  const groups: { passageKey: string; passageTitle: string; count: number }[] = [];
  for (const i of items) {
    const last = groups[groups.length - 1];
    if (last?.passageKey === i.passageKey) last.count++;
    else groups.push({ passageKey: i.passageKey, passageTitle: i.passageTitle, count: 1 });
  }
  return groups;
}

function timeSpent(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export default async function SummaryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/lessons/${slug}/summary`);
  const summary = await orNotFound(getLessonSummary(actor, slug));
  const { context, items, submittedAt } = summary;
  const unanswered = items.filter((i) => !i.answered);
  const answered = items.length - unanswered.length;

  return (
    <div className="page-narrow">
      <Breadcrumbs
        trail={[
          { href: "/lessons", label: "Lessons" },
          { href: `/lessons/${slug}`, label: summary.lesson.title },
        ]}
      />
      <h1>Your summary</h1>
      <p className={styles.context}>
        {context.mode === "class" ? (
          <>
            {context.className} · <DueDate dueAt={context.dueAt} />
          </>
        ) : (
          "Self-study"
        )}{" "}
        · time spent: {timeSpent(summary.activeSeconds)}
      </p>

      <div className={styles.progress}>
        <label htmlFor="summary-progress">
          {answered} of {items.length} questions answered
        </label>
        <progress id="summary-progress" value={answered} max={items.length} />
      </div>

      {submittedAt && summary.score && (
        <p className={styles.score} role="status">
          Submitted{" "}
          {submittedAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}
          : {describeScore(summary.score)}.
        </p>
      )}

      {context.mode === "class" && !submittedAt && (
        <section aria-labelledby="submit-heading" className={styles.submit}>
          <h2 id="submit-heading">Submit the lesson</h2>
          {unanswered.length > 0 ? (
            <>
              <p>
                {unanswered.length} {unanswered.length === 1 ? "question is" : "questions are"} still unanswered:
              </p>
              <ul aria-label="Unanswered questions">
                {groupByPassage(unanswered).map(({ passageKey, passageTitle, count }) => (
                  <li key={passageKey}>
                    <Link href={`/lessons/${slug}/${passageKey}`}>{passageTitle}</Link>: {count} unanswered
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Every question has an answer.</p>
          )}
          <p>
            You submit the whole lesson at once. Your instructor then sees your answers; open answers wait for their
            feedback.
          </p>
          <SubmitLessonForm
            lessonSlug={slug}
            contextKey={context.contextKey}
            owner={actor.userId}
            unanswered={unanswered.length}
          />
        </section>
      )}

      <h2>Every question</h2>
      <ol className={styles.items}>
        {items.map((i) => (
          <li key={i.key}>
            <p className={styles.itemHead}>
              <Link href={`/lessons/${slug}/${i.passageKey}`}>{i.passageTitle}</Link> · {questionTypeLabel[i.type]} ·{" "}
              <span className={styles.state} data-state={i.state}>
                {stateLabel[i.state]}
              </span>
              {summary.showScores && i.score !== null && (
                <span>
                  {" "}
                  · {i.score} of {i.points} {i.points === 1 ? "point" : "points"}
                </span>
              )}
            </p>
            <p className={styles.prompt}>{i.prompt}</p>
            {i.feedback && <FeedbackNote feedback={i.feedback} points={i.points} />}
            {i.citedSentences.length > 0 && (
              <div className={styles.cited}>
                <p className="muted">Cited:</p>
                {i.citedSentences.map((s) => (
                  <blockquote key={s.id}>{s.text}</blockquote>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
