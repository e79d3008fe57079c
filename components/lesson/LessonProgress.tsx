"use client";

import { useEffect, useState } from "react";
import styles from "./LessonList.module.css";

type Progress = Record<string, { answered: number; total: number; submitted: boolean }>;

// One request for the whole list, shared by the cards rendered together; fresh on a later visit.
let request: { at: number; progress: Promise<Progress | null> } | null = null;
function loadProgress(): Promise<Progress | null> {
  if (!request || Date.now() - request.at > 2000) {
    request = {
      at: Date.now(),
      progress: fetch("/api/progress", { cache: "no-store" })
        // The body is read either way: an unread response keeps its connection busy.
        .then(async (res) => {
          const body = (await res.json().catch(() => null)) as Progress | null;
          return res.ok ? body : null;
        })
        .catch(() => null),
    };
  }
  return request.progress;
}

/** The signed-in learner's progress on one lesson (nothing for readers without an account). */
export function LessonProgress({ slug }: { slug: string }) {
  const [progress, setProgress] = useState<Progress[string] | null>(null);
  useEffect(() => {
    void loadProgress().then((all) => setProgress(all?.[slug] ?? null));
  }, [slug]);
  if (!progress || progress.total === 0) return null;
  const label = `${progress.answered} of ${progress.total} answered${progress.submitted ? " · submitted" : ""}`;
  return (
    <div className={styles.progress}>
      <span id={`progress-${slug}`}>{label}</span>
      <progress value={progress.answered} max={progress.total} aria-labelledby={`progress-${slug}`} />
    </div>
  );
}
