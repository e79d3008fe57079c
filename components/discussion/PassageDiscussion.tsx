"use client";

import Link from "next/link";
import { useWorkspace } from "@/components/answering/Workspace";
import { ClassDiscussion } from "./ClassDiscussion";
import { Notebook } from "./Notebook";
import styles from "./Discussion.module.css";

/**
 * The passage's discussion, below the text: the prompts for everyone; for a student or
 * instructor whose class has the lesson, that class's threads; for a learner on their own,
 * a private notebook. It arrives with the page's one per-user request (the workspace).
 */
export function PassageDiscussion({
  lessonSlug,
  passageKey,
  prompts,
}: {
  lessonSlug: string;
  passageKey: string;
  prompts: string[];
}) {
  const ws = useWorkspace();
  const here = `/lessons/${lessonSlug}/${passageKey}`;
  let content: React.ReactNode;
  if (ws.status === "ready" && ws.workspace.discussion) {
    const d = ws.workspace.discussion;
    content =
      d.mode === "class" ? (
        <ClassDiscussion key={d.classId} initial={d} lessonSlug={lessonSlug} passageKey={passageKey} />
      ) : (
        <Notebook
          owner={ws.workspace.owner}
          lessonSlug={lessonSlug}
          passageKey={passageKey}
          prompts={d.prompts}
          entry={d.entry}
        />
      );
  } else {
    content = (
      <>
        <ul className={styles.promptList}>
          {prompts.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        {ws.status === "loading" && <p className="muted">Loading the discussion…</p>}
        {ws.status === "ready" && (
          <p className="muted">
            The discussion could not be loaded. Reload the page to try again; your answers are not affected.
          </p>
        )}
        {ws.status === "error" && (
          <p role="alert" className={styles.error}>
            {ws.message}
          </p>
        )}
        {ws.status === "anonymous" && (
          <p>
            <Link prefetch={false} href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>
              Sign in
            </Link>{" "}
            to discuss this passage with your class, or to keep your own notes on it.
          </p>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="discussion-heading" className={styles.section} id="discussion">
      <h2 id="discussion-heading">Discussion</h2>
      {content}
    </section>
  );
}
