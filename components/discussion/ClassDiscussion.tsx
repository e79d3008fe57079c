"use client";

import { useEffect, useRef, useState } from "react";
import type { PassageDiscussion } from "@/lib/discussion/view";
import { TITLE_MAX_CHARS } from "@/lib/discussion/rules";
import { Composer } from "./Composer";
import { Thread } from "./Thread";
import { sendDiscussion } from "./request";
import type { Act } from "./Post";
import styles from "./Discussion.module.css";

type ClassView = Extract<PassageDiscussion, { mode: "class" }>;

/** The class's discussion of a passage: prompts to start from, a new thread, and the threads, updated from each answer the server gives. */
export function ClassDiscussion({
  initial,
  lessonSlug,
  passageKey,
}: {
  initial: ClassView;
  lessonSlug: string;
  passageKey: string;
}) {
  const [discussion, setDiscussion] = useState<ClassView>(initial);
  const [now, setNow] = useState(() => new Date());
  const [composer, setComposer] = useState<{ prompt: string | null; n: number } | null>(null);
  const [status, setStatus] = useState("");
  const [switchError, setSwitchError] = useState("");
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(tick);
  }, []);
  // The discussion arrives after the page: a link to one thread (#thread-…) is followed once it is there.
  useEffect(() => {
    const target = window.location.hash.startsWith("#thread-")
      ? document.getElementById(window.location.hash.slice(1))
      : null;
    target?.scrollIntoView({ block: "start" });
  }, []);
  useEffect(() => {
    if (composer) formRef.current?.querySelector<HTMLElement>("textarea")?.focus();
  }, [composer]);

  const apply = (next: PassageDiscussion) => {
    if (next.mode === "class") setDiscussion(next);
    setNow(new Date());
  };
  const act: Act = async (url, method, body) => {
    const result = await sendDiscussion(url, method, body);
    if (result.ok) apply(result.discussion);
    return result;
  };

  async function switchClass(classId: string) {
    setSwitchError("");
    const query = new URLSearchParams({ lesson: lessonSlug, passage: passageKey, class: classId });
    const result = await sendDiscussion(`/api/discussion?${query}`, "GET");
    if (result.ok) apply(result.discussion);
    else setSwitchError(result.message);
  }

  const startFrom = (prompt: string | null) => setComposer((c) => ({ prompt, n: (c?.n ?? 0) + 1 }));

  return (
    <>
      <div className={styles.context}>
        {discussion.classes.length > 1 ? (
          <label className={styles.inline}>
            Class{" "}
            <select value={discussion.classId} onChange={(e) => void switchClass(e.target.value)}>
              {discussion.classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>
            With <strong>{discussion.className}</strong>
          </p>
        )}
        {discussion.moderator && (
          <p className={styles.meta}>You moderate this discussion: pin, lock and hide from each thread.</p>
        )}
        <p role="alert" className={styles.error}>
          {switchError}
        </p>
      </div>
      {discussion.snapshotsAfterSubmitting > 0 && (
        <p className="notice">
          Your instructor shared{" "}
          {discussion.snapshotsAfterSubmitting === 1
            ? "a class snapshot"
            : `${discussion.snapshotsAfterSubmitting} class snapshots`}{" "}
          of answers on this passage. {discussion.snapshotsAfterSubmitting === 1 ? "It opens" : "They open"} once you
          have submitted the lesson, so you can compare your reading with others&apos;.
        </p>
      )}
      <section aria-labelledby="prompts-heading" className={styles.prompts}>
        <h3 id="prompts-heading">Prompts to start from</h3>
        <ul>
          {discussion.prompts.map((p, i) => (
            <li key={p}>
              <span id={`prompt-${i}`}>{p}</span>{" "}
              <button
                type="button"
                className={styles.link}
                aria-describedby={`prompt-${i}`}
                onClick={() => startFrom(p)}
              >
                Start a thread on this prompt
              </button>
            </li>
          ))}
        </ul>
        {!composer && (
          <button type="button" className={styles.secondary} onClick={() => startFrom(null)}>
            Start a new thread
          </button>
        )}
      </section>
      {composer && (
        <div ref={formRef} className={styles.newThread}>
          <h3>New thread</h3>
          {composer.prompt && <p className={styles.meta}>From the prompt: “{composer.prompt}”</p>}
          <Composer
            key={composer.n}
            label="Your post"
            submitLabel="Post thread"
            withTitle
            sentences={discussion.sentences}
            initial={{
              title: composer.prompt ? truncate(composer.prompt, TITLE_MAX_CHARS) : "",
              body: "",
              quotedSentenceId: null,
            }}
            onCancel={() => setComposer(null)}
            onSubmit={async (v) => {
              const result = await act("/api/discussion/threads", "POST", {
                lessonSlug,
                passageKey,
                classId: discussion.classId,
                title: v.title,
                body: v.body,
                prompt: composer.prompt,
                quotedSentenceId: v.quotedSentenceId,
              });
              if (result.ok) {
                setComposer(null);
                setStatus("Your thread is posted.");
              }
              return result;
            }}
          />
        </div>
      )}
      <p role="status" className={styles.status}>
        {status}
      </p>
      {discussion.threads.length === 0 ? (
        <p className="muted">No threads yet. Start one from a prompt above, or with a question of your own.</p>
      ) : (
        <ol className={styles.threads} aria-label="Threads">
          {discussion.threads.map((t) => (
            <li key={t.id}>
              <Thread
                thread={t}
                now={now}
                sentences={discussion.sentences}
                moderator={discussion.moderator}
                act={act}
              />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function truncate(text: string, max: number) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
