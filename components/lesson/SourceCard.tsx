import type { LessonOverview } from "@/db/access/lessons";
import styles from "./SourceCard.module.css";

export function SourceCard({ source }: { source: LessonOverview["source"] }) {
  return (
    <section className={styles.card} aria-labelledby="source-heading">
      <h2 id="source-heading" className={styles.heading}>
        Source
      </h2>
      <dl className={styles.facts}>
        <dt>Outlet</dt>
        <dd>{source.url ? <a href={source.url}>{source.outlet}</a> : source.outlet}</dd>
        <dt>Author</dt>
        <dd>{source.author}</dd>
        {source.published && (
          <>
            <dt>Published</dt>
            <dd>{source.published}</dd>
          </>
        )}
        {source.photoCredit && (
          <>
            <dt>Photo</dt>
            <dd>{source.photoCredit}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
