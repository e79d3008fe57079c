"use client";

import { lazy, Suspense } from "react";
import { useWorkspace } from "@/components/answering/Workspace";
import type { MyMark } from "@/db/access/marks";
import { markTagLabel, markTagSymbol } from "@/lib/reading/marks";
import { truncateAtWord } from "@/lib/text";
import styles from "./Marks.module.css";

// The marking tools (selection bar, the list, highlighting) load once a signed-in reader's workspace is in.
const MarkingTools = lazy(() => import("./MarkingTools"));

function useMyMarks(): MyMark[] {
  const state = useWorkspace();
  return state.status === "ready" ? state.workspace.marks : [];
}

/**
 * A badge at the end of each of the reader's marks that ends in this sentence: the tag's letter,
 * named for a screen reader with the tag and words; it leads to the mark in "My marks".
 */
export function SentenceMarks({ start, end, textVersion }: { start: number; end: number; textVersion: string }) {
  const marks = useMyMarks().filter(
    (m) => m.position && m.textVersion === textVersion && m.position.end > start && m.position.end <= end,
  );
  if (marks.length === 0) return null;
  return (
    <span data-not-text className={styles.badges}>
      {marks.map((mark) => (
        <a
          key={mark.id}
          href={`#mark-${mark.id}`}
          id={`badge-${mark.id}`}
          className={styles.badge}
          data-tag={mark.tag}
          aria-label={`${markTagLabel[mark.tag]}${mark.note ? ", with a note" : ""}: “${truncateAtWord(mark.quote.exact, 80)}”`}
          onClick={(event) => {
            event.preventDefault();
            const item = document.getElementById(`mark-${mark.id}`);
            item?.scrollIntoView({ block: "center" });
            item?.focus({ preventScroll: true });
          }}
        >
          {markTagSymbol[mark.tag]}
        </a>
      ))}
    </span>
  );
}

/** The marking tools, for a signed-in reader (a visitor's page has none: marks belong to an account). */
export function Marking({ lessonSlug, passageKey }: { lessonSlug: string; passageKey: string }) {
  const state = useWorkspace();
  if (state.status !== "ready") return null;
  return (
    <Suspense fallback={null}>
      <MarkingTools lessonSlug={lessonSlug} passageKey={passageKey} />
    </Suspense>
  );
}
