"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { NOTEBOOK_MAX_CHARS } from "@/lib/discussion/rules";
import styles from "./Discussion.module.css";

const DEBOUNCE_MS = 800;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

type Status = "idle" | "saving" | "saved" | "retrying" | "refused";

/**
 * A self-learner's private notes on a passage, saved as they type: kept in this browser at
 * once and on the server shortly after (retried until it lands), like an answer.
 */
export function Notebook({
  owner,
  lessonSlug,
  passageKey,
  prompts,
  entry,
}: {
  owner: string;
  lessonSlug: string;
  passageKey: string;
  prompts: string[];
  entry: { body: string; updatedAt: string } | null;
}) {
  const storageKey = `marginalia:notebook:${owner}:${lessonSlug}:${passageKey}`;
  const [text, setText] = useState(entry?.body ?? "");
  const [status, setStatus] = useState<Status>("idle");
  const [message, setMessage] = useState("");
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const saving = useRef(false);

  const save = useCallback(async () => {
    if (saving.current || pending.current === null) return;
    saving.current = true;
    const body = pending.current;
    setStatus("saving");
    try {
      const res = await fetch("/api/notebook", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ lessonSlug, passageKey, body }),
      });
      if (res.ok) {
        attempt.current = 0;
        if (pending.current === body) {
          pending.current = null;
          localStorage.removeItem(storageKey);
          setStatus("saved");
        }
      } else if (res.status < 500 && res.status !== 429) {
        const data = (await res.json().catch(() => ({}))) as { message?: string };
        pending.current = null;
        setStatus("refused");
        setMessage(
          res.status === 401
            ? "Your session has ended: sign in again. Your notes are kept in this browser until then."
            : (data.message ?? "This note could not be saved."),
        );
      } else throw new Error(String(res.status));
    } catch {
      setStatus("retrying");
      setMessage("Not saved yet, retrying. Your notes are kept in this browser.");
      const wait = RETRY_MS[Math.min(attempt.current++, RETRY_MS.length - 1)]!;
      timer.current = setTimeout(() => void save(), wait);
    } finally {
      saving.current = false;
      if (pending.current !== null && pending.current !== body && !timer.current) void save();
    }
  }, [lessonSlug, passageKey, storageKey]);

  const edit = (value: string) => {
    setText(value);
    pending.current = value;
    try {
      localStorage.setItem(storageKey, JSON.stringify({ body: value, editedAt: Date.now() }));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save();
    }, DEBOUNCE_MS);
  };

  // A copy left in this browser by an unconfirmed save is newer than the server's: keep it and save it.
  useEffect(() => {
    // …unless the server's entry was saved later (from another device): then the server's wins.
    const local = readLocal(storageKey);
    if (local && local.body !== (entry?.body ?? "") && (!entry || local.editedAt > Date.parse(entry.updatedAt))) {
      setText(local.body);
      pending.current = local.body;
      void save();
    } else if (local) localStorage.removeItem(storageKey);
    const online = () => void save();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [entry, save, storageKey]);

  return (
    <div className={styles.notebook}>
      <p>
        You are reading on your own, so this passage&apos;s discussion is a private notebook: only you can read it. Use
        the prompts to think the passage through.
      </p>
      <ul className={styles.promptList}>
        {prompts.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <div className={styles.field}>
        <label htmlFor="notebook-entry">Your notebook for this passage</label>
        <textarea
          id="notebook-entry"
          rows={8}
          value={text}
          maxLength={NOTEBOOK_MAX_CHARS}
          onChange={(e) => edit(e.target.value)}
          aria-describedby="notebook-status"
        />
      </div>
      <p id="notebook-status" role="status" className={styles.status} data-kind={status}>
        {status === "saving"
          ? "Saving…"
          : status === "saved"
            ? "Saved"
            : status === "retrying" || status === "refused"
              ? message
              : entry
                ? "Saved notes"
                : ""}
      </p>
    </div>
  );
}

function readLocal(key: string): { body: string; editedAt: number } | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "null") as { body?: unknown; editedAt?: unknown } | null;
    return value && typeof value.body === "string" && typeof value.editedAt === "number"
      ? { body: value.body, editedAt: value.editedAt }
      : null;
  } catch {
    return null;
  }
}
