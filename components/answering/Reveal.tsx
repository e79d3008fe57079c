"use client";

import type { QuestionContent } from "@/content/schema";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import type { PassageSentence } from "./QuestionCard";
import styles from "./QuestionCard.module.css";

function points(n: number) {
  return `${Number.isInteger(n) ? n : n.toFixed(2)} ${n === 1 ? "point" : "points"}`;
}

/** After a check (self-study) or a submission that shows answers: the score and why. */
export function Reveal({
  question: q,
  score,
  maxPoints,
  response,
  attemptNumber,
  sentences,
  label,
  answered = true,
}: {
  label: string;
  /** False when the learner submitted without answering: the card says so, and still shows the right answer. */
  answered?: boolean;
  question: QuestionContent;
  score: number | null;
  maxPoints: number;
  response: AnswerResponse;
  attemptNumber: number;
  sentences: PassageSentence[];
}) {
  const textOf = (id: string) => sentences.find((s) => s.id === id)?.text ?? id;
  return (
    <section className={styles.reveal} aria-label={label}>
      <p className={styles.score}>
        {!answered
          ? `Not answered${score === null ? "" : `: ${points(0)} of ${maxPoints}`}. ${q.type === "open_response" ? "The model answer and the rubric are below." : "The right answer is below."}`
          : score === null
            ? "Compare your answer with the model answer and the rubric below."
            : `${score === maxPoints ? "Right" : score > 0 ? "Partly right" : "Not right"}: ${points(score)} of ${maxPoints}.`}
        {attemptNumber > 1 && <span className={styles.hint}> Check {attemptNumber}.</span>}
      </p>
      {(q.type === "single_choice" || q.type === "multiple_select") && (
        <ul className={styles.explanations}>
          {q.options.map((o) => {
            const chosen =
              response.type === "single_choice"
                ? response.optionId === o.id
                : response.type === "multiple_select" && response.optionIds.includes(o.id);
            return (
              <li key={o.id} data-correct={o.correct}>
                <strong>
                  {o.correct ? "✓ Right answer" : "✗ Not right"}
                  {chosen ? " (you chose this)" : ""}:
                </strong>{" "}
                {o.text}. <span>{o.explanation}</span>
              </li>
            );
          })}
        </ul>
      )}
      {q.type === "short_answer" && (
        <p>
          <strong>A model answer:</strong> {q.acceptedAnswers[0]}. {q.explanation}
        </p>
      )}
      {q.type === "evidence" && (
        <>
          <p>The sentences that support the claim:</p>
          {q.keySentences.map((id) => (
            <blockquote key={id}>{textOf(id)}</blockquote>
          ))}
          <p>{q.explanation}</p>
        </>
      )}
      {q.type === "open_response" && (
        <>
          <h4 className={styles.revealHeading}>A model answer</h4>
          <blockquote>{q.exemplar}</blockquote>
          <h4 className={styles.revealHeading}>Assess your answer against the rubric</h4>
          <div className={styles.tableWrap}>
            <table className={styles.rubricTable}>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Levels</th>
                </tr>
              </thead>
              <tbody>
                {q.rubric.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>
                      <ul>
                        {c.levels.map((l) => (
                          <li key={l.label}>
                            <strong>
                              {l.label} ({points(l.points)}):
                            </strong>{" "}
                            {l.description}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
