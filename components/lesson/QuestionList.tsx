import type { PublicQuestion } from "@/lib/lesson/public-question";
import { questionTypeLabel } from "@/lib/lesson/public-question";
import styles from "./QuestionList.module.css";

const kindLabel = { comprehension: "Comprehension", critical: "Critical thinking" } as const;

/** The passage's questions as a reader previews them: prompt, type, options and rubric. */
export function QuestionList({ questions }: { questions: PublicQuestion[] }) {
  return (
    <section aria-labelledby="questions-heading" className={styles.section}>
      <h2 id="questions-heading">
        Questions <span className={styles.count}>({questions.length})</span>
      </h2>
      {questions.length === 0 ? (
        <p className="muted">This passage has no questions.</p>
      ) : (
        <ol className={styles.list}>
          {questions.map((q, i) => (
            <li key={q.key} className={styles.question}>
              <h3 id={`q-${q.key}-title`} className={styles.title}>
                Question {i + 1}
                <span className={styles.badges}>
                  <span className={styles.badge}>{questionTypeLabel[q.type]}</span>
                  <span className={styles.badge} data-kind={q.kind}>
                    {kindLabel[q.kind]}
                  </span>
                  <span className={styles.points}>
                    {q.points} {q.points === 1 ? "point" : "points"}
                  </span>
                </span>
              </h3>
              <p className={styles.prompt}>{q.prompt}</p>
              <QuestionDetail question={q} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function QuestionDetail({ question: q }: { question: PublicQuestion }) {
  switch (q.type) {
    case "single_choice":
    case "multiple_select":
      return (
        <>
          <p className={styles.hint}>{q.type === "single_choice" ? "One answer is right." : "More than one answer may be right."}</p>
          <ul className={styles.options} aria-label="Options">
            {q.options.map((o, i) => (
              <li key={o.id}>
                <span className={styles.letter} aria-hidden="true">
                  {String.fromCharCode(65 + i)}
                </span>
                {o.text}
              </li>
            ))}
          </ul>
        </>
      );
    case "short_answer":
      return <p className={styles.hint}>Answered in a word, a name or a number.</p>;
    case "evidence":
      return (
        <p className={styles.hint}>
          Answered by selecting sentences of the passage{q.maxSelections ? ` (up to ${q.maxSelections})` : ""}.
        </p>
      );
    case "open_response":
      return (
        <>
          <p className={styles.hint}>A written answer of up to {q.maxLength.toLocaleString("en")} characters, read against this rubric:</p>
          <ul className={styles.rubric}>
            {q.rubric.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> ({Math.max(...c.levels.map((l) => l.points))} points):{" "}
                {c.levels[c.levels.length - 1]!.description}
              </li>
            ))}
          </ul>
        </>
      );
  }
}
