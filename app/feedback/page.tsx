import type { Metadata } from "next";
import Link from "next/link";
import { listMyFeedback } from "@/db/access/my-feedback";
import { requireActor } from "@/lib/auth/session";
import { MarkFeedbackRead } from "@/components/auth/MarkFeedbackRead";
import { AnnotatedAnswer } from "@/components/review/AnnotatedAnswer";
import styles from "./feedback.module.css";

export const metadata: Metadata = { title: "Your feedback" };

export default async function FeedbackPage() {
  const actor = await requireActor("/feedback");
  const items = await listMyFeedback(actor);
  const unread = items.filter((i) => i.unread).length;

  return (
    <div className="page-narrow">
      {/* Shown as new this once; marked read by the browser after it has been shown. */}
      {unread > 0 && <MarkFeedbackRead feedbackIds={items.filter((i) => i.unread).map((i) => i.feedbackId)} />}
      <h1>Your feedback</h1>
      {items.length === 0 ? (
        <p className={styles.empty}>
          No feedback yet. When your instructor returns feedback on your answers, it appears here.
        </p>
      ) : (
        <>
          <p className="muted">
            {unread > 0 ? `${unread} new since your last visit.` : "Nothing new since your last visit."}
          </p>
          <ol className={styles.list}>
            {items.map((f) => (
              <li key={f.feedbackId} className={styles.card}>
                <p className={styles.meta}>
                  {f.unread && <span className={styles.new}>New</span>} {f.className} ·{" "}
                  <Link href={`/lessons/${f.lessonSlug}/${f.passageKey}`}>{f.lessonTitle}</Link> · returned{" "}
                  {f.returnedAt.toLocaleDateString("en-GB", {
                    day: "numeric",
                    month: "long",
                    year: "numeric",
                    timeZone: "UTC",
                  })}
                </p>
                <h2 className={styles.prompt}>{f.prompt}</h2>
                <AnnotatedAnswer text={f.answerText} comments={f.inlineComments} />
                {f.cited.length > 0 && (
                  <div className={styles.cited}>
                    <p className="muted">You cited:</p>
                    {f.cited.map((c) => (
                      <blockquote key={c}>{c}</blockquote>
                    ))}
                  </div>
                )}
                <p className={styles.points}>
                  {f.points === null ? "Not scored" : `${f.points} of ${f.maxPoints} points`}
                </p>
                {f.rubric.length > 0 && (
                  <ul className={styles.rubric}>
                    {f.rubric.map((r) => (
                      <li key={r.name}>
                        {r.name}: <strong>{r.level}</strong> ({r.points})
                      </li>
                    ))}
                  </ul>
                )}
                {f.overrideReason && <p className={styles.comment}>Grade changed: {f.overrideReason}</p>}
                {f.comment && <p className={styles.comment}>{f.comment}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
