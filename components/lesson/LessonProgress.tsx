"use client";

import { useEffect, useState } from "react";
import { sharedJson } from "@/components/ui/shared-request";
import styles from "./LessonList.module.css";

type Progress = Record<string, { answered: number; total: number; submitted: boolean }>;

/** The signed-in learner's progress on one lesson (nothing for readers without an account). */
export function LessonProgress({ slug }: { slug: string }) {
  const [progress, setProgress] = useState<Progress[string] | null>(null);
  useEffect(() => {
    // One request for the whole list, shared by the cards rendered together.
    void sharedJson<Progress | { signedIn: false }>("/api/progress").then((all) =>
      setProgress(all && !("signedIn" in all) ? (all[slug] ?? null) : null),
    );
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
