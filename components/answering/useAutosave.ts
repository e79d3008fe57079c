"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Response } from "@/lib/answers/response-shape";

export type Draft = { response: Response; citedSentences: string[] };
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying"; message: string }
  | { kind: "refused"; message: string };

type Stored = Draft & { revision: number };

const DEBOUNCE_MS = 700;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * Keeps one answer safe: every edit goes to localStorage at once and to the server shortly after;
 * failed saves are retried (and again as soon as the browser is back online) until the server
 * confirms this revision. The local copy is dropped only then, so a reload or a dropped
 * connection loses nothing.
 */
export function useAutosave({
  storageKey,
  serverDraft,
  save,
  enabled,
}: {
  storageKey: string | null;
  serverDraft: (Draft & { revision: number }) | null;
  save: (draft: Draft, revision: number) => Promise<{ ok: true; revision: number } | { ok: false; retry: boolean; message: string }>;
  enabled: boolean;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const pending = useRef<Stored | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const inFlight = useRef(false);
  const lastRevision = useRef(0);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = pending.current;
    if (!current || inFlight.current) return;
    inFlight.current = true;
    setStatus({ kind: "saving" });
    let result: Awaited<ReturnType<typeof save>>;
    try {
      result = await save({ response: current.response, citedSentences: current.citedSentences }, current.revision);
    } catch {
      result = { ok: false, retry: true, message: "Not saved, retrying: no connection." };
    }
    inFlight.current = false;
    if (result.ok) {
      attempt.current = 0;
      if (pending.current && pending.current.revision <= result.revision) {
        pending.current = null;
        if (storageKey) localStorage.removeItem(storageKey);
        setStatus({ kind: "saved", at: new Date() });
      } else {
        void flush(); // edited while saving: save the newer text
      }
      return;
    }
    if (!result.retry) {
      setStatus({ kind: "refused", message: result.message });
      return;
    }
    setStatus({ kind: "retrying", message: result.message });
    const delay = RETRY_MS[Math.min(attempt.current++, RETRY_MS.length - 1)]!;
    timer.current = setTimeout(() => void flush(), delay);
  }, [save, storageKey]);

  // Start from whichever is newer: the server's draft or an unsaved one kept in this browser.
  useEffect(() => {
    if (!enabled || !storageKey) return;
    let local: Stored | null = null;
    try {
      const raw = localStorage.getItem(storageKey);
      local = raw ? (JSON.parse(raw) as Stored) : null;
    } catch {
      local = null;
    }
    if (local && (!serverDraft || local.revision > serverDraft.revision)) {
      setDraft({ response: local.response, citedSentences: local.citedSentences });
      pending.current = local;
      void flush();
    } else if (serverDraft) {
      setDraft({ response: serverDraft.response, citedSentences: serverDraft.citedSentences });
      setStatus({ kind: "saved", at: new Date(serverDraft.revision) });
      if (local) localStorage.removeItem(storageKey);
    }
    // Only when the workspace arrives.
  }, [enabled, storageKey]);

  useEffect(() => {
    const retryNow = () => {
      if (pending.current) void flush();
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current) event.preventDefault();
    };
    window.addEventListener("online", retryNow);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retryNow);
      window.removeEventListener("beforeunload", warn);
    };
  }, [flush]);

  const update = useCallback(
    (next: Draft) => {
      setDraft(next);
      // Edit time as the revision, kept strictly increasing so two quick edits never tie.
      lastRevision.current = Math.max(Date.now(), lastRevision.current + 1, serverDraft?.revision ?? 0);
      const stored: Stored = { ...next, revision: lastRevision.current };
      pending.current = stored;
      if (storageKey) {
        try {
          localStorage.setItem(storageKey, JSON.stringify(stored));
        } catch {
          // Storage full or blocked: the server save still runs.
        }
      }
      if (timer.current) clearTimeout(timer.current);
      attempt.current = 0;
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, storageKey, serverDraft],
  );

  return { draft, status, update, flush, hasUnsaved: () => pending.current !== null };
}
