"use client";

import { useState } from "react";
import { HIDDEN_OPENING_MARKER, type PostView, type QuotedSentence } from "@/lib/discussion/view";
import { relativeTime } from "@/lib/relative-time";
import { Composer } from "./Composer";
import type { DiscussionResult } from "./request";
import styles from "./Discussion.module.css";

export type Act = (url: string, method: "POST" | "PATCH" | "DELETE", body: unknown) => Promise<DiscussionResult>;

/** One post: who wrote it and when, the quoted sentence linking back to the passage, the text as text, and what this reader may do with it. */
export function Post({
  post,
  now,
  sentences,
  moderator,
  threadTitle,
  act,
}: {
  post: PostView;
  now: Date;
  sentences: QuotedSentence[];
  moderator: boolean;
  /** For an opening post: the thread's title, editable with it. */
  threadTitle?: string;
  act: Act;
}) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete" | "report">("view");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");

  if (post.deleted) return <p className={styles.deleted}>The opening post was deleted by its author.</p>;
  if (post.withheld) return <p className={styles.deleted}>{HIDDEN_OPENING_MARKER}</p>;

  const run = async (url: string, method: "POST" | "PATCH" | "DELETE", body: unknown) => {
    const result = await act(url, method, body);
    setMessage(result.ok ? "" : result.message);
    if (result.ok) setMode("view");
    return result;
  };

  return (
    <article className={styles.post} aria-label={`Post by ${post.authorName}`} data-hidden={post.hidden || undefined}>
      <p className={styles.byline}>
        <strong>{post.authorName}</strong>
        {post.authorIsInstructor && <span className={styles.badge}>Instructor</span>}
        {post.isYours && <span className={styles.badge}>You</span>}
        <time dateTime={post.createdAt} title={new Date(post.createdAt).toLocaleString("en-GB")}>
          {relativeTime(post.createdAt, now)}
        </time>
        {post.editedAt && <span className={styles.meta}>(edited)</span>}
      </p>
      {post.hidden && (
        <p className={styles.hiddenNote}>
          Hidden by the instructor: only its author and the instructor can see this post.
        </p>
      )}
      {mode === "edit" ? (
        <Composer
          label="Edit your post"
          submitLabel="Save changes"
          sentences={sentences}
          withTitle={threadTitle !== undefined}
          initial={{ title: threadTitle ?? "", body: post.body, quotedSentenceId: post.quote?.id ?? null }}
          autoFocus
          onCancel={() => setMode("view")}
          onSubmit={(v) =>
            run("/api/discussion/posts", "PATCH", {
              postId: post.id,
              body: v.body,
              quotedSentenceId: v.quotedSentenceId,
              ...(threadTitle !== undefined ? { title: v.title } : {}),
            })
          }
        />
      ) : (
        <>
          {post.quote && (
            <blockquote className={styles.quote}>
              <p>{post.quote.text}</p>
              <a href={`#s-${post.quote.id}`}>Go to this sentence in the passage</a>
            </blockquote>
          )}
          <p className={styles.body}>{post.body}</p>
        </>
      )}
      {moderator && post.reports.length > 0 && (
        <div className={styles.reports}>
          <p>
            <strong>Reported {post.reports.length === 1 ? "once" : `${post.reports.length} times`}:</strong>
          </p>
          <ul>
            {post.reports.map((r, i) => (
              <li key={i}>
                “{r.reason}” ({r.reporterName})
              </li>
            ))}
          </ul>
          <button
            type="button"
            className={styles.link}
            onClick={() =>
              void run("/api/discussion/moderation", "POST", { action: "dismiss-reports", postId: post.id })
            }
          >
            Leave it up and dismiss the reports
          </button>
        </div>
      )}
      {mode === "confirm-delete" && (
        <div className={styles.confirm} role="group" aria-label="Confirm deleting your post">
          <span>Delete this post for everyone?</span>
          <button
            type="button"
            className={styles.danger}
            autoFocus
            onClick={() => void run("/api/discussion/posts", "DELETE", { postId: post.id })}
          >
            Yes, delete it
          </button>
          <button type="button" className={styles.secondary} onClick={() => setMode("view")}>
            Keep it
          </button>
        </div>
      )}
      {mode === "report" && (
        <form
          className={styles.composer}
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setMessage("Say briefly what is wrong with the post.");
            void run("/api/discussion/reports", "POST", { postId: post.id, reason }).then((r) => r.ok && setReason(""));
          }}
        >
          <div className={styles.field}>
            <label htmlFor={`report-${post.id}`}>
              What is wrong with this post? Only the instructor sees your report.
            </label>
            <input
              id={`report-${post.id}`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </div>
          <div className={styles.actions}>
            <button type="submit" className={styles.primary}>
              Send report
            </button>
            <button type="button" className={styles.secondary} onClick={() => setMode("view")}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === "view" && (
        <div className={styles.postActions}>
          {post.canEdit && (
            <>
              <button type="button" className={styles.link} onClick={() => setMode("edit")}>
                Edit
              </button>
              <button type="button" className={styles.link} onClick={() => setMode("confirm-delete")}>
                Delete
              </button>
            </>
          )}
          {moderator && (
            <button
              type="button"
              className={styles.link}
              onClick={() =>
                void run("/api/discussion/moderation", "POST", {
                  action: post.hidden ? "unhide" : "hide",
                  postId: post.id,
                })
              }
            >
              {post.hidden ? "Show to the class" : "Hide from the class"}
            </button>
          )}
          {post.canReport && !post.reportedByYou && (
            <button type="button" className={styles.link} onClick={() => setMode("report")}>
              Report
            </button>
          )}
          {post.reportedByYou && <span className={styles.meta}>You reported this post to the instructor.</span>}
        </div>
      )}
      <p role="alert" className={styles.error}>
        {message}
      </p>
    </article>
  );
}
