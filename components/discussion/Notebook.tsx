"use client";

import { useCallback, useEffect, useState } from "react";
import { type LocalCopy, type SaveOutcome, useSerialAutosave } from "@/components/ui/useSerialAutosave";
import { NOTEBOOK_MAX_CHARS } from "@/lib/discussion/rules";
import { sendJson, worthRetrying } from "@/lib/http/send-json";
import styles from "./Discussion.module.css";

/** A notebook page kept in this browser until the server has it: `{ body, editedAt }`. */
const keepNote: LocalCopy<string> = {
  encode: (body) => ({ body }),
  decode: (stored) => (typeof stored.body === "string" ? stored.body : null),
};

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

  const save = useCallback(
    async (_key: string, body: string): Promise<SaveOutcome> => {
      const answer = await sendJson("/api/notebook", { method: "PUT", body: { lessonSlug, passageKey, body } });
      if (answer.ok) return { ok: true };
      if (answer.status === 401)
        return {
          ok: false,
          retry: true,
          message: "Your session has ended: sign in again. Your notes are kept in this browser until then.",
        };
      if (worthRetrying(answer))
        return { ok: false, retry: true, message: "Not saved yet, retrying. Your notes are kept in this browser." };
      return { ok: false, retry: false, message: answer.message ?? "This note could not be saved." };
    },
    [lessonSlug, passageKey],
  );
  const { status, edit, restore } = useSerialAutosave({ save, keepLocally: keepNote });

  // A copy left in this browser by an unconfirmed save is newer than the server's: keep it and save it…
  useEffect(() => {
    const local = restore(
      storageKey,
      // …unless the server's entry was saved later (from another device): then the server's wins.
      (l) => l.value !== (entry?.body ?? "") && (!entry || l.editedAt > Date.parse(entry.updatedAt)),
    );
    if (local !== null) setText(local);
  }, [entry, restore, storageKey]);

  const onEdit = (value: string) => {
    setText(value);
    edit(storageKey, value);
  };

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
          onChange={(e) => onEdit(e.target.value)}
          aria-describedby="notebook-status"
        />
      </div>
      <p id="notebook-status" role="status" className={styles.status} data-kind={status.kind}>
        {status.kind === "saving"
          ? "Saving…"
          : status.kind === "saved"
            ? "Saved"
            : status.kind === "retrying" || status.kind === "refused"
              ? status.message
              : entry
                ? "Saved notes"
                : ""}
      </p>
    </div>
  );
}
