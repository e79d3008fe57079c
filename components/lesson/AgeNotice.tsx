import type { LessonOverview } from "@/db/access/lessons";
import styles from "./AgeNotice.module.css";

/** The source's own "this story is old" notice, taught: what it means and what to check today. */
export function AgeNotice({ notice }: { notice: NonNullable<LessonOverview["ageNotice"]> }) {
  return (
    <section className={styles.notice} aria-labelledby="age-notice-heading">
      <h2 id="age-notice-heading" className={styles.heading}>
        <span aria-hidden="true">⏳ </span>
        {notice.notice}
      </h2>
      <p>{notice.meaning}</p>
      <h3 className={styles.subheading}>Before you rely on it, check:</h3>
      <ul>
        {notice.checkBeforeRelying.map((check) => (
          <li key={check}>{check}</li>
        ))}
      </ul>
    </section>
  );
}
