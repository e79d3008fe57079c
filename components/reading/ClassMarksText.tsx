import { heatDescription, sentenceHeat, type TagCounts } from "@/lib/reading/class-marks";
import { markTagLabel, markTagSymbol as symbol } from "@/lib/reading/marks";
import styles from "./ClassMarksText.module.css";

/**
 * A passage with what a class marked in it, for the instructor: each sentence underlined the more
 * heavily the more students tagged it, followed by the counts per tag (letters and numbers, read
 * out in words), and "split" where the class took it both as evidence and as opinion. No names.
 */
export function ClassMarksText({
  sentences,
  bySentence,
  enrolled,
}: {
  sentences: { id: string; text: string }[];
  bySentence: Record<string, TagCounts>;
  enrolled: number;
}) {
  return (
    <p className={styles.text}>
      {sentences.map((s) => {
        const heat = sentenceHeat(bySentence[s.id], enrolled);
        return (
          <span key={s.id}>
            <span className={styles.sentence} data-heat={heat.level}>
              {s.text}
            </span>
            {heat.level > 0 && (
              <span className={styles.tally} title={heatDescription(heat, (t) => markTagLabel[t])}>
                <span aria-hidden="true">
                  {heat.tags.map((t) => (
                    <span key={t.tag} className={styles.count} data-tag={t.tag}>
                      {symbol[t.tag]}
                      {t.count}
                    </span>
                  ))}
                  {heat.split && <span className={styles.split}>split</span>}
                </span>
                <span className="visually-hidden">({heatDescription(heat, (t) => markTagLabel[t])})</span>
              </span>
            )}{" "}
          </span>
        );
      })}
    </p>
  );
}

/** What the shading and the letters mean. */
export function ClassMarksLegend({ enrolled }: { enrolled: number }) {
  return (
    <p className={styles.legend}>
      After each sentence: how many of the {enrolled} students in the class tagged words in it as Claim (C), Evidence
      (E), Opinion (O) or Question (?). The heavier the underline, the more students marked it; “split” means the class
      took it both as evidence and as opinion. Names and notes are never shown.
    </p>
  );
}
