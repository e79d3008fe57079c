import type { ReturnedFeedback } from "@/db/access/answers";
import { AnnotatedAnswer } from "@/components/review/AnnotatedAnswer";
import styles from "./FeedbackNote.module.css";

/** The instructor's returned feedback, shown beside the answer it is about. */
export function FeedbackNote({
  feedback,
  points,
  answerText,
}: {
  feedback: ReturnedFeedback | (Omit<ReturnedFeedback, "returnedAt"> & { returnedAt: string | Date });
  points: number;
  /** The answer the feedback is about, to show the instructor's comments on its words in place. */
  answerText?: string;
}) {
  return (
    <div className={styles.note} role="note" aria-label="Feedback from your instructor">
      <p className={styles.heading}>
        Feedback from your instructor{feedback.points !== null ? `: ${feedback.points} of ${points} points` : ""}
      </p>
      {feedback.rubric.length > 0 && (
        <ul className={styles.rubric}>
          {feedback.rubric.map((r) => (
            <li key={r.name}>
              {r.name}: <strong>{r.level}</strong> ({r.points})
            </li>
          ))}
        </ul>
      )}
      {feedback.inlineComments.length > 0 &&
        (answerText ? (
          <AnnotatedAnswer text={answerText} comments={feedback.inlineComments} />
        ) : (
          <ol className={styles.rubric} aria-label="Comments on words of your answer">
            {feedback.inlineComments.map((c) => (
              <li key={`${c.start}-${c.end}`}>
                “{c.quote}”: {c.text}
              </li>
            ))}
          </ol>
        ))}
      {feedback.overrideReason && (
        <p className={styles.comment}>Grade changed by your instructor: {feedback.overrideReason}</p>
      )}
      {feedback.comment && <p className={styles.comment}>{feedback.comment}</p>}
    </div>
  );
}
