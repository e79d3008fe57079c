import styles from "./PassageProgress.module.css";

/** Where the reader is in the lesson: "Passage 3 of 10" with a bar. */
export function PassageProgress({ position, total }: { position: number; total: number }) {
  const label = `Passage ${position + 1} of ${total}`;
  return (
    <div className={styles.progress}>
      <span id="passage-progress-label">{label}</span>
      <progress className={styles.bar} value={position + 1} max={total} aria-labelledby="passage-progress-label" />
    </div>
  );
}
