import { segmentText, validInlineComments, type InlineComment } from "@/lib/inline-comments";
import styles from "./AnnotatedAnswer.module.css";

/**
 * A student's answer with the instructor's comments on its words: the words marked and numbered,
 * the comments listed beside them with the same numbers.
 */
export function AnnotatedAnswer({
  text,
  comments,
  onRemove,
}: {
  text: string;
  comments: InlineComment[];
  onRemove?: (index: number) => void;
}) {
  const valid = validInlineComments(text, comments);
  return (
    <div className={styles.wrap}>
      <blockquote className={styles.answer} data-answer-text>
        {segmentText(text, valid).map((s, i) =>
          s.comment === undefined ? (
            s.text
          ) : (
            <mark key={i} className={styles.mark}>
              {s.text}
              <sup className={styles.number}>{s.comment + 1}</sup>
            </mark>
          ),
        )}
      </blockquote>
      {valid.length > 0 && (
        <ol className={styles.comments} aria-label="Comments on words of the answer">
          {valid.map((c, i) => (
            <li key={`${c.start}-${c.end}`}>
              <span className={styles.quote}>“{c.quote}”</span> {c.text}
              {onRemove && (
                <button
                  type="button"
                  className={styles.remove}
                  onClick={() => onRemove(comments.indexOf(c))}
                  aria-label={`Remove comment ${i + 1}`}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
