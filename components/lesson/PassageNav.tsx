import Link from "next/link";
import styles from "./PassageNav.module.css";

type Neighbour = { key: string; title: string } | null;

/**
 * Previous / next passage, and the way back to the overview at either end. Only the next passage
 * is prefetched (a prerendered page, the same for everyone): it is where a reader goes next.
 */
export function PassageNav({ slug, previous, next }: { slug: string; previous: Neighbour; next: Neighbour }) {
  return (
    <nav aria-label="Passages" className={styles.nav}>
      {previous ? (
        <Link href={`/lessons/${slug}/${previous.key}`} rel="prev" prefetch={false} className={styles.link}>
          <span className={styles.dir}>
            <span aria-hidden="true">← </span>Previous passage
          </span>
          <span>{previous.title}</span>
        </Link>
      ) : (
        <Link href={`/lessons/${slug}`} prefetch={false} className={styles.link}>
          <span className={styles.dir}>
            <span aria-hidden="true">← </span>Lesson overview
          </span>
          <span>Objectives and sources</span>
        </Link>
      )}
      {next ? (
        <Link href={`/lessons/${slug}/${next.key}`} rel="next" className={`${styles.link} ${styles.next}`}>
          <span className={styles.dir}>
            Next passage<span aria-hidden="true"> →</span>
          </span>
          <span>{next.title}</span>
        </Link>
      ) : (
        <Link href={`/lessons/${slug}`} prefetch={false} className={`${styles.link} ${styles.next}`}>
          <span className={styles.dir}>
            Finished reading<span aria-hidden="true"> →</span>
          </span>
          <span>Back to the lesson overview</span>
        </Link>
      )}
    </nav>
  );
}
