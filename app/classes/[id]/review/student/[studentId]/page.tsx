import type { Metadata } from "next";
import Link from "next/link";
import { getStudentReview, reviewQuestionKey } from "@/db/access/review";
import { taughtClassName } from "@/db/access/classes";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { questionTypeLabel } from "@/lib/lesson/public-question";
import { describeTotals } from "@/lib/gradebook";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ActionButton } from "@/components/classes/ActionButton";
import { OverrideForm } from "@/components/review/OverrideForm";
import { returnOneAction } from "../../actions";
import styles from "../../review.module.css";

export const metadata: Metadata = { title: "One student's lesson" };

const stateLabel = { "needs-review": "needs review", draft: "reviewed, not returned", returned: "returned" } as const;

export default async function StudentReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; studentId: string }>;
  searchParams: Promise<{ lesson?: string | string[] }>;
}) {
  const { id, studentId } = await params;
  const lesson = (await searchParams).lesson;
  const actor = await requireActor(`/classes/${id}/review/student/${studentId}`);
  const review = await orNotFound(
    getStudentReview(actor, id, studentId, typeof lesson === "string" ? lesson : undefined),
  );
  const className = await orNotFound(taughtClassName(actor, id));
  return (
    <div className="page-narrow">
      <Breadcrumbs
        trail={[
          { href: "/classes", label: "Classes" },
          { href: `/classes/${id}`, label: className },
          { href: `/classes/${id}/review`, label: "Review" },
        ]}
      />
      <h1>{review.student.name}</h1>
      <p className="muted">
        {review.lesson.title} · {review.submitted ? "submitted" : "not submitted yet"}
      </p>
      <p className={styles.total}>
        <strong>Total:</strong> {describeTotals(review.totals)}
        {review.totals && review.totals.awaitingCount > 0 && (
          <span className="muted"> (answers reviewed but not returned count as awaiting, as in the gradebook)</span>
        )}
      </p>
      <ol className={styles.studentItems}>
        {review.items.map((item) => (
          <li key={item.questionKey}>
            <h2 className={styles.itemPrompt}>
              {item.label} · {questionTypeLabel[item.type]} · {item.passageTitle}
            </h2>
            <p>{item.prompt}</p>
            <blockquote className={styles.studentAnswer}>{item.answerText || "(not answered)"}</blockquote>
            {item.correctAnswer && (
              <p className={styles.correct}>
                <strong>Correct answer:</strong> {item.correctAnswer}
              </p>
            )}
            <details className={styles.passage} open={item.highlighted.length > 0}>
              <summary>
                {item.passageTitle}
                {item.highlighted.length > 0
                  ? ` (${item.highlighted.length} ${item.type === "evidence" ? "selected" : "cited"} ${item.highlighted.length === 1 ? "sentence" : "sentences"} highlighted)`
                  : ""}
              </summary>
              <p className={styles.passageText}>
                {item.passage.map((s) =>
                  item.highlighted.includes(s.id) ? (
                    <mark key={s.id} className={styles.highlight}>
                      {s.text}{" "}
                    </mark>
                  ) : (
                    <span key={s.id}>{s.text} </span>
                  ),
                )}
              </p>
            </details>
            <p className={styles.itemScore}>
              {item.type === "open_response"
                ? item.feedback?.points != null
                  ? `${item.feedback.points} of ${item.maxPoints} (rubric, ${stateLabel[item.feedback.state]})`
                  : "awaiting review"
                : item.autoScore === null
                  ? "not graded"
                  : `${item.autoScore} of ${item.maxPoints} automatically${item.feedback?.points != null ? `; overridden to ${item.feedback.points} (${stateLabel[item.feedback.state]}): ${item.feedback.overrideReason}` : ""}`}
            </p>
            {item.answerId && review.submitted && item.type === "open_response" && (
              <Link href={`/classes/${id}/review?question=${reviewQuestionKey(review.lesson.slug, item.questionKey)}`}>
                Review this answer with the rubric
              </Link>
            )}
            {item.answerId && review.submitted && item.type !== "open_response" && (
              <details>
                <summary>Override the automatic grade</summary>
                <OverrideForm
                  classId={id}
                  answerId={item.answerId}
                  label={item.label}
                  maxPoints={item.maxPoints}
                  points={item.feedback?.points ?? null}
                  reason={item.feedback?.overrideReason ?? null}
                />
              </details>
            )}
            {item.answerId && item.feedback?.state === "draft" && (
              <ActionButton
                action={returnOneAction}
                fields={{ classId: id, answerId: item.answerId }}
                label={`Return ${item.label} to the student`}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
