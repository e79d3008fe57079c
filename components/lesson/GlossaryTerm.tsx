"use client";

import { useId, useState } from "react";
import styles from "./GlossaryTerm.module.css";

/**
 * A glossary term in the text. Its definition shows on hover and keyboard focus (CSS) and
 * stays open after a tap or Enter; Escape dismisses it, as WCAG 1.4.13 asks of such content.
 */
export function GlossaryTerm({
  text,
  term,
  category,
  definition,
}: {
  text: string;
  term: string;
  category: string;
  definition: string;
}) {
  const [open, setOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const tipId = useId();
  return (
    <span
      className={styles.wrap}
      data-open={open || undefined}
      data-dismissed={dismissed || undefined}
      onMouseLeave={() => setDismissed(false)}
    >
      <button
        type="button"
        className={styles.term}
        aria-expanded={open}
        aria-describedby={tipId}
        onClick={() => {
          setOpen(!open);
          setDismissed(false);
        }}
        onBlur={() => {
          setOpen(false);
          setDismissed(false);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            setOpen(false);
            setDismissed(true);
          }
        }}
      >
        {text}
      </button>
      <span role="tooltip" id={tipId} className={styles.tip} data-not-text>
        <strong>{term}</strong> <span className={styles.category}>{category}</span>
        <span className={styles.definition}>{definition}</span>
      </span>
    </span>
  );
}
