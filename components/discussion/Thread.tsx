"use client";

import { useState } from "react";
import {
  HIDDEN_OPENING_MARKER,
  HIDDEN_THREAD_TITLE,
  type QuotedSentence,
  type ThreadView,
} from "@/lib/discussion/view";
import { Composer } from "./Composer";
import { Post, type Act } from "./Post";
import styles from "./Discussion.module.css";

/** A thread: its title and state, a shared snapshot of answers if it is one, the opening post, replies, and a reply box. */
export function Thread({
  thread,
  now,
  sentences,
  moderator,
  act,
}: {
  thread: ThreadView;
  now: Date;
  sentences: QuotedSentence[];
  moderator: boolean;
  act: Act;
}) {
  const titleId = `thread-${thread.id}`;
  const [replying, setReplying] = useState(false);
  const [message, setMessage] = useState("");
  const moderate = async (action: "pin" | "unpin" | "lock" | "unlock") => {
    const result = await act("/api/discussion/moderation", "POST", { action, threadId: thread.id });
    setMessage(result.ok ? "" : result.message);
  };

  return (
    <article className={styles.thread} aria-labelledby={titleId} data-pinned={thread.pinned || undefined}>
      <header className={styles.threadHeader}>
        <h3 id={titleId}>{thread.title}</h3>
        <p className={styles.badges}>
          {thread.pinned && <span className={styles.badge}>Pinned</span>}
          {thread.locked && <span className={styles.badge}>Locked</span>}
          {thread.kind === "snapshot" && <span className={styles.badge}>Class snapshot</span>}
        </p>
      </header>
      {moderator && thread.opening.hidden && <StudentsSee thread={thread} />}
      {thread.prompt && <p className={styles.meta}>Started from the prompt: “{thread.prompt}”</p>}
      {thread.snapshot && (
        <section className={styles.snapshot} aria-label="Shared answers">
          <p className={styles.meta}>
            Answers to: <strong>{thread.snapshot.question}</strong>
            {thread.snapshot.named ? "" : " Shared without names."}
          </p>
          <ol className={styles.snapshotAnswers}>
            {thread.snapshot.answers.map((a, i) => (
              <li key={i}>
                <p className={styles.byline}>
                  <strong>{a.label}</strong>
                  {a.isYours && <span className={styles.badge}>Your answer</span>}
                </p>
                <p className={styles.body}>{a.text}</p>
                {a.cited.length > 0 && (
                  <ul className={styles.cited} aria-label={`Sentences ${a.label} cited`}>
                    {a.cited.map((c) => (
                      <li key={c.id}>
                        <a href={`#s-${c.id}`}>“{c.text}”</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <Post
        post={thread.opening}
        now={now}
        sentences={sentences}
        moderator={moderator}
        threadTitle={thread.opening.canEdit ? thread.title : undefined}
        act={act}
      />
      {thread.replies.length > 0 && (
        <ol className={styles.replies} aria-label={`Replies to ${thread.title}`}>
          {thread.replies.map((r) => (
            <li key={r.id}>
              <Post post={r} now={now} sentences={sentences} moderator={moderator} act={act} />
            </li>
          ))}
        </ol>
      )}
      <div className={styles.threadFooter}>
        {thread.canReply ? (
          replying ? (
            <Composer
              label={`Your reply to “${thread.title}”`}
              submitLabel="Post reply"
              sentences={sentences}
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (v) => {
                const result = await act("/api/discussion/replies", "POST", {
                  threadId: thread.id,
                  body: v.body,
                  quotedSentenceId: v.quotedSentenceId,
                });
                if (result.ok) setReplying(false);
                return result;
              }}
            />
          ) : (
            <button
              type="button"
              className={styles.secondary}
              onClick={() => setReplying(true)}
              aria-describedby={titleId}
            >
              Reply
            </button>
          )
        ) : (
          <p className={styles.meta}>This thread is locked: the instructor has closed it to new replies.</p>
        )}
        {moderator && (
          <div className={styles.postActions} role="group" aria-label={`Moderate “${thread.title}”`}>
            <button
              type="button"
              className={styles.link}
              onClick={() => void moderate(thread.pinned ? "unpin" : "pin")}
            >
              {thread.pinned ? "Unpin thread" : "Pin thread"}
            </button>
            <button
              type="button"
              className={styles.link}
              onClick={() => void moderate(thread.locked ? "unlock" : "lock")}
            >
              {thread.locked ? "Unlock thread" : "Lock thread"}
            </button>
          </div>
        )}
        <p role="alert" className={styles.error}>
          {message}
        </p>
      </div>
    </article>
  );
}

/** For the instructor, once a thread's opening post is hidden: exactly what students are shown of the thread. */
function StudentsSee({ thread }: { thread: ThreadView }) {
  return (
    <p className={styles.studentsSee} role="note" aria-label="What students see">
      {thread.studentsSee === "nothing"
        ? "Students do not see this thread: its opening post is hidden and no reply they can read is left."
        : `Students see this thread as “${HIDDEN_THREAD_TITLE}”: “${HIDDEN_OPENING_MARKER}” in place of the opening post, then the replies that are not hidden.`}
    </p>
  );
}
