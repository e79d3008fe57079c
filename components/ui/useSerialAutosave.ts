"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { createSerialSaver, type AutosaveStatus, type Edit, type SaveOutcome } from "@/lib/autosave/serial-saver";

export type { AutosaveStatus, SaveOutcome } from "@/lib/autosave/serial-saver";

/**
 * How an edit is kept in this browser (localStorage, under its key) until the server confirms
 * it: what of the value to store (its `editedAt` is added), and the value back from what was
 * stored, or null when that no longer fits (another shape, a question that changed type).
 */
export type LocalCopy<V> = {
  encode: (value: V) => Record<string, unknown>;
  decode: (stored: Record<string, unknown>) => V | null;
};

/** The edit kept in this browser under `storageKey`, if there is one that `decode` accepts. */
export function readLocalCopy<V>(storageKey: string, decode: LocalCopy<V>["decode"]): Edit<V> | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Record<string, unknown> | null;
    if (!stored || typeof stored !== "object" || typeof stored.editedAt !== "number") return null;
    const value = decode(stored);
    return value === null ? null : { value, editedAt: stored.editedAt };
  } catch {
    return null;
  }
}

/** Removes the copy kept under `storageKey` if it is still the edit made at `editedAt` (not a newer one). */
function forgetLocalCopy(storageKey: string, editedAt: number) {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "null") as { editedAt?: unknown } | null;
    if (stored?.editedAt === editedAt) localStorage.removeItem(storageKey);
  } catch {
    // Storage blocked, or a copy that cannot be read: nothing to remove safely.
  }
}

/**
 * Autosave on a page, with the one policy of lib/autosave/serial-saver.ts: per key, serial saves,
 * the newest edit always last, retries with backoff and again as soon as the browser is back
 * online, and a warning (and a last try) when the page is left with an edit unconfirmed. With
 * `keepLocally`, every edit is also kept in localStorage under its key at once, and removed only
 * when the server has confirmed that very edit, so a copy found on load is always the newest
 * text (`restore` takes it up).
 *
 * `status` is the page's one save line; `setStatus` lets the page put its own message on it
 * (it stays until the next save says otherwise).
 */
export function useSerialAutosave<V>({
  save,
  keepLocally,
}: {
  save: (key: string, value: V) => Promise<SaveOutcome>;
  keepLocally?: LocalCopy<V>;
}) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  // The saver lives as long as the page; it calls the newest `save` the page rendered.
  const latest = useRef({ save, keepLocally });
  latest.current = { save, keepLocally };
  const [saver] = useState(() =>
    createSerialSaver<V>({
      save: (key, value) => latest.current.save(key, value),
      onStatus: setStatus,
      onConfirmed: (key, edit) => {
        if (latest.current.keepLocally) forgetLocalCopy(key, edit.editedAt);
      },
    }),
  );

  useEffect(() => {
    const retryNow = () => {
      if (saver.isPending()) void saver.flush();
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (!saver.isPending()) return;
      void saver.flush();
      event.preventDefault();
    };
    window.addEventListener("online", retryNow);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retryNow);
      window.removeEventListener("beforeunload", warn);
    };
  }, [saver]);

  /** Records an edit: kept in this browser at once (with `keepLocally`), on the server after the debounce or `immediately`. */
  const edit = useCallback(
    (key: string, value: V, options?: { immediately?: boolean }) => {
      const made = saver.edit(key, value, options);
      const keep = latest.current.keepLocally;
      if (!keep) return;
      try {
        localStorage.setItem(key, JSON.stringify({ ...keep.encode(value), editedAt: made.editedAt }));
      } catch {
        // Storage full or blocked: the server save still runs.
      }
    },
    [saver],
  );

  /**
   * Takes up the edit kept in this browser under `key`, when `accept` says it is still the one to
   * keep: it is sent now and returned. Otherwise the copy is dropped and null returned.
   */
  const restore = useCallback(
    (key: string, accept: (local: Edit<V>) => boolean = () => true): V | null => {
      const keep = latest.current.keepLocally;
      if (!keep) return null;
      const local = readLocalCopy(key, keep.decode);
      if (local && accept(local)) {
        void saver.resume(key, local);
        return local.value;
      }
      try {
        localStorage.removeItem(key);
      } catch {
        // Storage blocked: nothing was kept either.
      }
      return null;
    },
    [saver],
  );

  return { status, setStatus, edit, restore, flush: saver.flush, isPending: saver.isPending };
}
