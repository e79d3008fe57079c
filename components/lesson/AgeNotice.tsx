import type { LessonOverview } from "@/db/access/lessons";
import styles from "./AgeNotice.module.css";

/** The source's own "this story is old" notice, taught: what it means and what to check today. */
export function AgeNotice({ notice }: { notice: NonNullable<LessonOverview["ageNotice"]> }) {
  return (
    <section className={styles.notice} aria-labelledby="age-notice-heading">
      <h2 id="age-notice-heading" className={styles.heading}>
        <HourglassIcon />
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

/** An hourglass drawn inline: the emoji needs an emoji font, which many school computers lack. */
function HourglassIcon() {
  return (
    <svg
      className={styles.icon}
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 2h12M6 22h12M7 2v3a5 5 0 0 0 2.2 4.1L12 11l2.8-1.9A5 5 0 0 0 17 5V2M7 22v-3a5 5 0 0 1 2.2-4.1L12 13l2.8 1.9A5 5 0 0 1 17 19v3" />
    </svg>
  );
}
