"use client";

import { forwardRef, useCallback, useEffect, useImperativeHandle, useState } from "react";
import type { SavedComment } from "@/db/access/saved-comments";
import { sendJson } from "@/lib/http/send-json";
import styles from "./ReviewWorkbench.module.css";

export type SavedCommentsHandle = { insert: (n: number) => void; saveCurrent: () => void };

/**
 * The instructor's reusable comments for this question, then their general ones: insert with a
 * click or Shift+number, edit in place, and keep the comment being written with one action.
 */
export const SavedComments = forwardRef<
  SavedCommentsHandle,
  { lessonSlug: string; questionKey: string; current: string; onInsert: (text: string) => void }
>(function SavedComments({ lessonSlug, questionKey, current, onInsert }, ref) {
  const [comments, setComments] = useState<SavedComment[]>([]);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    const query = new URLSearchParams({ lesson: lessonSlug, question: questionKey });
    void sendJson<SavedComment[]>(`/api/saved-comments?${query}`).then((answer) => {
      if (answer.ok) setComments(answer.data);
      else if (answer.status === 0) setMessage("Saved comments could not be loaded.");
      else setComments([]);
    });
  }, [lessonSlug, questionKey]);

  const call = useCallback(async (method: "POST" | "PATCH" | "DELETE", body: object) => {
    const answer = await sendJson<Partial<SavedComment>>("/api/saved-comments", { method, body });
    if (!answer.ok) {
      setMessage(answer.message ?? "That did not work.");
      return null;
    }
    return answer.data;
  }, []);

  const saveCurrent = useCallback(
    async (general = false) => {
      if (!current.trim()) return setMessage("Write a comment first, then save it for reuse.");
      const created = await call("POST", {
        lessonSlug,
        questionKey: general ? null : questionKey,
        text: current.trim(),
      });
      if (created) {
        setComments((all) =>
          [...all.filter((c) => !c.general), created as SavedComment, ...all.filter((c) => c.general)].sort(
            (x, y) => Number(x.general) - Number(y.general),
          ),
        );
        setMessage("Comment saved for reuse.");
      }
    },
    [call, current, lessonSlug, questionKey],
  );

  useImperativeHandle(ref, () => ({
    insert: (n: number) => {
      const c = comments[n - 1];
      if (c) onInsert(c.text);
    },
    saveCurrent: () => void saveCurrent(),
  }));

  return (
    <section aria-labelledby="saved-comments-heading" className={styles.saved}>
      <h3 id="saved-comments-heading">Saved comments</h3>
      {comments.length === 0 ? (
        <p className={styles.hint}>None yet. Write a comment, then save it for reuse (s).</p>
      ) : (
        <ol className={styles.savedList}>
          {comments.map((c, i) => (
            <li key={c.id}>
              {editing?.id === c.id ? (
                <form
                  className={styles.savedEdit}
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (await call("PATCH", editing)) {
                      setComments((all) => all.map((x) => (x.id === c.id ? { ...x, text: editing.text } : x)));
                      setEditing(null);
                    }
                  }}
                >
                  <label htmlFor={`saved-${c.id}`} className="visually-hidden">
                    Edit saved comment {i + 1}
                  </label>
                  <input
                    id={`saved-${c.id}`}
                    value={editing.text}
                    onChange={(e) => setEditing({ id: c.id, text: e.target.value })}
                    maxLength={5000}
                  />
                  <button type="submit">Save</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <button
                    type="button"
                    className={styles.insert}
                    onClick={() => onInsert(c.text)}
                    aria-label={`Insert saved comment ${i + 1}: ${c.text}`}
                  >
                    {i < 9 && <kbd>⇧{i + 1}</kbd>} {c.text}
                    {c.general && <span className={styles.general}> (general)</span>}
                  </button>
                  <button
                    type="button"
                    className={styles.small}
                    onClick={() => setEditing({ id: c.id, text: c.text })}
                    aria-label={`Edit saved comment ${i + 1}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className={styles.small}
                    aria-label={`Delete saved comment ${i + 1}`}
                    onClick={async () => {
                      if (await call("DELETE", { id: c.id })) setComments((all) => all.filter((x) => x.id !== c.id));
                    }}
                  >
                    Delete
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className={styles.actions}>
        <button type="button" onClick={() => void saveCurrent()}>
          Save this comment for this question (s)
        </button>
        <button type="button" onClick={() => void saveCurrent(true)}>
          Save as a general comment
        </button>
      </div>
      <p role="status" className={styles.hint}>
        {message}
      </p>
    </section>
  );
});
