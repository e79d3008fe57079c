"use client";

import { useSyncExternalStore } from "react";
import { cellLabel } from "@/lib/gradebook";
import { decodeCells, type EncodedCells } from "@/lib/gradebook-cells";
import styles from "@/app/classes/[id]/gradebook/gradebook.module.css";

export type TableQuestion = { key: string; label: string; points: number; title: string; reviewHref: string | null };
/** total: the short form shown; totalDetail: the same in full words, for screen readers and on hover. */
export type TableRow = {
  id: string;
  name: string;
  href: string | null;
  total: string;
  totalDetail: string;
  cells: EncodedCells;
};

/**
 * The gradebook's students × questions, drawn in the browser from compact data: a 40-student
 * class has 1,680 cells, and rendering them on the server (to HTML, beside the data) was most of
 * the page's cost (npm run bench: gradebook p99). Until the script runs, a line says so; the CSV
 * downloads have every score without it.
 */
export function GradebookTable({
  caption,
  questions,
  rows,
}: {
  caption: string;
  questions: TableQuestion[];
  rows: TableRow[];
}) {
  const inBrowser = useSyncExternalStore(subscribeToNothing, isBrowser, isServer);
  if (!inBrowser)
    return (
      // Room for the table, so that it does not push the legend down when it appears.
      <div className={styles.scroll} style={{ minHeight: `${(rows.length + 1) * 2.1}rem` }}>
        <p className={styles.loading}>Loading the table of {rows.length} students…</p>
        <noscript>
          <p className={styles.loading}>The table needs JavaScript. The CSV downloads above have every score.</p>
        </noscript>
      </div>
    );
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label="Gradebook table">
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Total</th>
            {questions.map((q) => (
              <th scope="col" key={q.key}>
                <abbr title={q.title}>{q.label}</abbr>
                <span className={styles.max}>/{q.points}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.href ? <a href={r.href}>{r.name}</a> : r.name}</th>
              <td className={styles.total} title={r.totalDetail}>
                <span aria-hidden="true">{r.total}</span>
                <span className="visually-hidden">{r.totalDetail}</span>
              </td>
              {decodeCells(r.cells).map(([state, points], i) => {
                const q = questions[i]!;
                const text =
                  state === "graded" || state === "unanswered"
                    ? String(points)
                    : state === "reviewed-not-returned"
                      ? `(${points})`
                      : state === "awaiting-review"
                        ? "…"
                        : "–";
                // Numbers read well with their column header; the symbols get words.
                const label =
                  state === "graded"
                    ? undefined
                    : `${q.label}: ${cellLabel[state]}${state === "reviewed-not-returned" ? ` (${points})` : ""}`;
                return (
                  <td key={q.key} data-state={state}>
                    {q.reviewHref && state !== "not-submitted" && state !== "unanswered" ? (
                      <a href={q.reviewHref} aria-label={label ?? `${q.label}: ${points} of ${q.points}`}>
                        {text}
                      </a>
                    ) : label ? (
                      <span aria-label={label}>{text}</span>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const subscribeToNothing = () => () => {};
const isBrowser = () => true;
const isServer = () => false;
