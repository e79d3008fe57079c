import styles from "./Bars.module.css";

export type Bar = { label: string; value: number; max: number; note?: string; highlight?: boolean };

/**
 * Horizontal bars drawn as server-rendered SVG (no chart library, no client script). The values
 * are also written out as text beside each bar, so the chart never depends on seeing it.
 */
export function Bars({ bars, title }: { bars: Bar[]; title: string }) {
  const rowHeight = 28;
  return (
    <figure className={styles.figure}>
      <figcaption className="visually-hidden">{title}</figcaption>
      <ul className={styles.list}>
        {bars.map((b) => {
          const share = b.max > 0 ? Math.max(0, Math.min(1, b.value / b.max)) : 0;
          return (
            <li key={b.label} className={styles.row}>
              <span className={styles.label}>{b.label}</span>
              <svg
                className={styles.bar}
                viewBox={`0 0 100 ${rowHeight}`}
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="6" width="100" height={rowHeight - 12} rx="3" className={styles.track} />
                <rect
                  x="0"
                  y="6"
                  width={share * 100}
                  height={rowHeight - 12}
                  rx="3"
                  className={b.highlight ? styles.fillHighlight : styles.fill}
                />
              </svg>
              <span className={styles.value}>{b.note ?? `${b.value} of ${b.max}`}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
