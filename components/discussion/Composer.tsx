"use client";

import { useEffect, useId, useState } from "react";
import { useEvidencePicking } from "@/components/reading/EvidencePicking";
import { POST_MAX_CHARS, TITLE_MAX_CHARS } from "@/lib/discussion/rules";
import type { QuotedSentence } from "@/lib/discussion/view";
import styles from "./Discussion.module.css";

export type ComposerValue = { title: string; body: string; quotedSentenceId: string | null };
type Outcome = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string[] | undefined> };

/**
 * Writing a post: the text (plain, line breaks kept), an optional sentence of the passage to
 * quote, and for a new thread its title. The text stays in the box until the server accepts it.
 */
export function Composer({
  label,
  submitLabel,
  sentences,
  withTitle = false,
  initial = { title: "", body: "", quotedSentenceId: null },
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  label: string;
  submitLabel: string;
  sentences: QuotedSentence[];
  withTitle?: boolean;
  initial?: ComposerValue;
  onSubmit: (value: ComposerValue) => Promise<Outcome>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [value, setValue] = useState<ComposerValue>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[] | undefined> } | null>(
    null,
  );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (withTitle && !value.title.trim())
      return setError({ message: "Give the thread a title.", fieldErrors: { title: ["Give the thread a title."] } });
    if (!value.body.trim())
      return setError({
        message: "Write something before posting.",
        fieldErrors: { body: ["Write something before posting."] },
      });
    setBusy(true);
    const outcome = await onSubmit(value);
    setBusy(false);
    if (outcome.ok) {
      setError(null);
      setValue({ title: "", body: "", quotedSentenceId: null });
    } else setError(outcome);
  }

  // The quote can be chosen in the passage's text too; the select and the text show the same one.
  const picking = useEvidencePicking();
  const owner = `quote-${id}`;
  const choosingHere = picking?.session?.owner === owner;
  const quoted = value.quotedSentenceId ? [value.quotedSentenceId] : [];
  const setQuoted = (ids: string[]) => setValue((v) => ({ ...v, quotedSentenceId: ids[0] ?? null }));
  useEffect(() => {
    picking?.sync(owner, quoted, setQuoted);
  });
  const release = picking?.release;
  useEffect(() => () => release?.(owner), [owner, release]);

  const fieldError = (name: string) => error?.fieldErrors[name]?.[0];
  return (
    <form className={styles.composer} onSubmit={submit} noValidate>
      {withTitle && (
        <div className={styles.field}>
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={value.title}
            maxLength={TITLE_MAX_CHARS}
            onChange={(e) => setValue({ ...value, title: e.target.value })}
            aria-invalid={!!fieldError("title")}
            aria-describedby={fieldError("title") ? `${id}-title-error` : undefined}
          />
          {fieldError("title") && (
            <p id={`${id}-title-error`} role="alert" className={styles.error}>
              {fieldError("title")}
            </p>
          )}
        </div>
      )}
      <div className={styles.field}>
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          value={value.body}
          rows={4}
          autoFocus={autoFocus}
          maxLength={POST_MAX_CHARS}
          onChange={(e) => setValue({ ...value, body: e.target.value })}
          aria-invalid={!!fieldError("body")}
          aria-describedby={`${id}-body-hint${fieldError("body") ? ` ${id}-body-error` : ""}`}
        />
        <p id={`${id}-body-hint`} className={styles.hint}>
          Plain text; line breaks are kept. {value.body.length.toLocaleString("en")} of{" "}
          {POST_MAX_CHARS.toLocaleString("en")} characters.
        </p>
        {fieldError("body") && (
          <p id={`${id}-body-error`} role="alert" className={styles.error}>
            {fieldError("body")}
          </p>
        )}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-quote`}>Quote a sentence of the passage (optional)</label>
        <select
          id={`${id}-quote`}
          value={value.quotedSentenceId ?? ""}
          onChange={(e) => setValue({ ...value, quotedSentenceId: e.target.value || null })}
        >
          <option value="">No quote</option>
          {sentences.map((s) => (
            <option key={s.id} value={s.id}>
              {s.text.length > 90 ? `${s.text.slice(0, 88)}…` : s.text}
            </option>
          ))}
        </select>
        {picking && sentences.length > 0 && (
          <button
            type="button"
            className={styles.secondary}
            onClick={(event) =>
              choosingHere
                ? picking.finish()
                : picking.start(
                    {
                      owner,
                      label: "the quote in your post",
                      order: sentences.map((s) => s.id),
                      max: 1,
                      replace: true,
                      selected: quoted,
                      returnTo: event.currentTarget,
                    },
                    setQuoted,
                  )
            }
          >
            {choosingHere ? "Done choosing in the passage" : "Choose the quote in the passage"}
          </button>
        )}
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={busy}>
          {busy ? "Posting…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={styles.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <p role="alert" className={styles.error}>
        {error && !fieldError("title") && !fieldError("body") ? error.message : ""}
      </p>
    </form>
  );
}
