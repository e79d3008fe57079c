"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useViewer } from "@/components/auth/Viewer";
import { sendJson } from "@/lib/http/send-json";
import {
  DEFAULT_READING_PREFERENCES,
  LINE_SPACING_LABELS,
  LINE_SPACINGS,
  parseStoredPreferences,
  preferenceAttributes,
  READING_FONT_LABELS,
  READING_FONTS,
  type ReadingPreferences,
  TEXT_SIZE_LABELS,
  TEXT_SIZES,
} from "@/lib/reading/preferences";
import styles from "./ReadingPreferences.module.css";

const STORAGE_KEY = "marginalia:reading-preferences";
// Set while this browser's choice is not yet in the account (a save in flight or failed): the
// account's older value must not undo it, and it is sent again on the next page.
const UNSAVED_KEY = "marginalia:reading-preferences:unsaved";

function storage(action: (s: Storage) => string | null | void): string | null {
  try {
    return action(localStorage) ?? null;
  } catch {
    return null; // No storage (private browsing): choices last for this page.
  }
}

function apply(preferences: ReadingPreferences) {
  for (const [name, value] of Object.entries(preferenceAttributes(preferences))) {
    if (value === null) document.documentElement.removeAttribute(name);
    else document.documentElement.setAttribute(name, value);
  }
}

function keepInBrowser(preferences: ReadingPreferences) {
  storage((s) => s.setItem(STORAGE_KEY, JSON.stringify(preferences)));
}

type Saving = { state: "idle" | "saving" | "saved" | "browser" } | { state: "failed"; message: string };

/**
 * Text size, line spacing and font for the passage. This browser's choice applies at once; a
 * signed-in reader's account choice (from the workspace) then wins and is saved with every change.
 */
export function ReadingPreferencesControl() {
  const { viewer, status, supply } = useViewer();
  const [preferences, setPreferences] = useState<ReadingPreferences>(DEFAULT_READING_PREFERENCES);
  const [saving, setSaving] = useState<Saving>({ state: "idle" });
  const details = useRef<HTMLDetailsElement>(null);
  const latestViewer = useRef(viewer);
  latestViewer.current = viewer;

  // Before the first paint after hydration, so the text does not jump later than it must.
  useLayoutEffect(() => {
    const local = parseStoredPreferences(storage((s) => s.getItem(STORAGE_KEY)));
    if (local) {
      setPreferences(local);
      apply(local);
    }
  }, []);

  // One save at a time, the newest choice last: answers arriving out of order must not leave an older choice saved.
  const sending = useRef(false);
  const unsent = useRef<ReadingPreferences | null>(null);
  const saveToAccount = useCallback(
    async (next: ReadingPreferences) => {
      unsent.current = next;
      if (sending.current) return;
      sending.current = true;
      storage((s) => s.setItem(UNSAVED_KEY, "1"));
      setSaving({ state: "saving" });
      let outcome: Saving = { state: "saved" };
      let saved: ReadingPreferences | null = null;
      while (unsent.current) {
        const body = unsent.current;
        unsent.current = null;
        const answer = await sendJson("/api/account/reading-preferences", { method: "PUT", body });
        saved = answer.ok ? body : null;
        outcome = answer.ok
          ? { state: "saved" }
          : {
              state: "failed",
              message: `Kept in this browser, but not saved to your account: ${answer.message ?? "the server could not be reached."}`,
            };
      }
      sending.current = false;
      setSaving(outcome);
      if (saved) {
        storage((s) => s.removeItem(UNSAVED_KEY));
        // The header's copy of the account is the one the next passage starts from.
        const signedIn = latestViewer.current;
        if (signedIn) supply({ ...signedIn, readingPreferences: saved });
      }
    },
    [supply],
  );

  // A signed-in reader's account choice wins over this browser's, unless this browser holds a newer
  // one the account has not got yet: that one is sent instead.
  const account = viewer?.readingPreferences;
  const accountKey = account === undefined ? undefined : JSON.stringify(account);
  const signedIn = !!viewer;
  useEffect(() => {
    if (accountKey === undefined || !signedIn) return;
    const local = parseStoredPreferences(storage((s) => s.getItem(STORAGE_KEY)));
    if (local && storage((s) => s.getItem(UNSAVED_KEY))) {
      if (!sending.current) void saveToAccount(local);
      return;
    }
    const chosen = parseStoredPreferences(accountKey);
    if (!chosen) return;
    setPreferences(chosen);
    apply(chosen);
    keepInBrowser(chosen);
  }, [accountKey, signedIn, saveToAccount]);

  function choose(change: Partial<ReadingPreferences>) {
    const next = { ...preferences, ...change };
    setPreferences(next);
    apply(next);
    keepInBrowser(next);
    if (!viewer) return setSaving({ state: "browser" });
    void saveToAccount(next);
  }

  const groups = [
    { field: "size", legend: "Text size", options: TEXT_SIZES, labels: TEXT_SIZE_LABELS },
    { field: "spacing", legend: "Line spacing", options: LINE_SPACINGS, labels: LINE_SPACING_LABELS },
    { field: "font", legend: "Font", options: READING_FONTS, labels: READING_FONT_LABELS },
  ] as const;

  return (
    <details
      ref={details}
      className={styles.preferences}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !details.current?.open) return;
        details.current.open = false;
        details.current.querySelector("summary")?.focus();
      }}
    >
      <summary>Reading preferences</summary>
      <div className={styles.panel}>
        {groups.map((g) => (
          <fieldset key={g.field} className={styles.group}>
            <legend>{g.legend}</legend>
            {g.options.map((option) => (
              <label key={option} className={styles.choice} data-choice={`${g.field}-${option}`}>
                <input
                  type="radio"
                  name={`reading-${g.field}`}
                  value={option}
                  checked={preferences[g.field] === option}
                  onChange={() => choose({ [g.field]: option })}
                />
                {(g.labels as Record<string, string>)[option]}
              </label>
            ))}
          </fieldset>
        ))}
        <p role="status" className={saving.state === "failed" ? styles.error : styles.note}>
          {saving.state === "saving"
            ? "Saving…"
            : saving.state === "saved"
              ? "Saved to your account."
              : saving.state === "browser"
                ? "Kept in this browser. Sign in to keep them with your account."
                : saving.state === "failed"
                  ? saving.message
                  : status === "ready" && viewer
                    ? "Changes are saved to your account."
                    : "Changes are kept in this browser."}
        </p>
      </div>
    </details>
  );
}
