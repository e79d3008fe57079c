"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerResponse } from "@/lib/answers/response-shape";

export type Draft = { response: AnswerResponse; citedSentences: string[] };
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "retrying"; message: string }
  | { kind: "refused"; message: string };

/** An edit not yet confirmed by the server, as kept in localStorage. */
export type LocalDraft = Draft & { editedAt: number };
export type SaveResult = { ok: true } | { ok: false; retry: boolean; message: string };

const DEBOUNCE_MS = 700;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps one answer safe: every edit goes to localStorage at once and to the server shortly
 * after, one save at a time (so the newest text always arrives last). Failed saves are retried,
 * and again as soon as the browser is back online. The local copy exists only while an edit is
 * unconfirmed, so on load it is always the newest text, and it is removed only when the save of
 * that very edit is confirmed.
 */
export function useAutosave({
  storageKey,
  questionType,
  serverDraft,
  save,
  enabled,
}: {
  storageKey: string | null;
  questionType: AnswerResponse["type"];
  serverDraft: Draft | null;
  save: (draft: Draft) => Promise<SaveResult>;
  enabled: boolean;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const pending = useRef<LocalDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return inFlight.current.then(() => (pending.current ? flush() : undefined));
    const sent = pending.current;
    if (!sent) return Promise.resolve();
    setStatus({ kind: "saving" });
    inFlight.current = (async () => {
      let result: SaveResult;
      try {
        result = await save({ response: sent.response, citedSentences: sent.citedSentences });
      } catch {
        result = { ok: false, retry: true, message: "Not saved, retrying: no connection." };
      }
      inFlight.current = null;
      const newer = pending.current !== sent;
      if (result.ok) {
        attempt.current = 0;
        if (storageKey && readLocalDraft(storageKey)?.editedAt === sent.editedAt) localStorage.removeItem(storageKey);
        if (!newer) {
          pending.current = null;
          setStatus({ kind: "saved" });
        } else await flush(); // edited while saving: send the newer text
        return;
      }
      if (!result.retry) {
        setStatus({ kind: "refused", message: result.message });
        if (newer) await flush(); // a later edit may be fine
        return;
      }
      setStatus({ kind: "retrying", message: result.message });
      const delay = RETRY_MS[Math.min(attempt.current++, RETRY_MS.length - 1)]!;
      timer.current = setTimeout(() => void flush(), delay);
    })();
    return inFlight.current;
  }, [save, storageKey]);

  // Start from an unconfirmed edit kept in this browser if there is one, else from the server's draft.
  useEffect(() => {
    if (!enabled || !storageKey) return;
    const local = readLocalDraft(storageKey);
    if (local && local.response?.type === questionType) {
      setDraft({ response: local.response, citedSentences: local.citedSentences ?? [] });
      pending.current = local;
      void flush();
    } else {
      if (local) localStorage.removeItem(storageKey); // made for a question that has since changed type
      if (serverDraft) {
        setDraft(serverDraft);
        setStatus({ kind: "saved" });
      }
    }
    // Once, when the learner's workspace has arrived.
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
      const local: LocalDraft = { ...next, editedAt: Date.now() };
      pending.current = local;
      if (storageKey) {
        try {
          localStorage.setItem(storageKey, JSON.stringify(local));
        } catch {
          // Storage full or blocked: the server save still runs.
        }
      }
      if (timer.current) clearTimeout(timer.current);
      attempt.current = 0;
      // "Saved" would be untrue from the first keystroke until the server confirms this edit.
      setStatus({ kind: "saving" });
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, storageKey],
  );

  return { draft, status, update, flush };
}
