"use client";

import { useCallback, useEffect, useState } from "react";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { type LocalCopy, readLocalCopy, type SaveOutcome, useSerialAutosave } from "@/components/ui/useSerialAutosave";

export type { AutosaveStatus as SaveStatus } from "@/components/ui/useSerialAutosave";

export type Draft = { response: AnswerResponse; citedSentences: string[] };
/** An edit not yet confirmed by the server, as kept in localStorage. */
export type LocalDraft = Draft & { editedAt: number };

function decodeDraft(stored: Record<string, unknown>): Draft | null {
  const response = stored.response as AnswerResponse | undefined;
  if (!response || typeof response !== "object" || typeof response.type !== "string") return null;
  return { response, citedSentences: Array.isArray(stored.citedSentences) ? (stored.citedSentences as string[]) : [] };
}

const encodeDraft = (draft: Draft) => ({ response: draft.response, citedSentences: draft.citedSentences });

/** The answer kept in this browser under `key` (an edit the server has not confirmed), if any. */
export function readLocalDraft(key: string): LocalDraft | null {
  const local = readLocalCopy(key, decodeDraft);
  return local && { ...local.value, editedAt: local.editedAt };
}

/**
 * One answer as the learner edits it, autosaved (components/ui/useSerialAutosave.ts) and kept in
 * this browser until the server confirms it. On load it starts from the copy in this browser if
 * there is one (it is always the newest text) for a question of the same type, else from the
 * server's draft.
 */
export function useAnswerDraft({
  storageKey,
  questionType,
  serverDraft,
  save,
  enabled,
}: {
  storageKey: string | null;
  questionType: AnswerResponse["type"];
  serverDraft: Draft | null;
  save: (draft: Draft) => Promise<SaveOutcome>;
  enabled: boolean;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const keepLocally: LocalCopy<Draft> = {
    encode: encodeDraft,
    // A copy made for a question that has since changed type is dropped.
    decode: (stored) => {
      const local = decodeDraft(stored);
      return local?.response.type === questionType ? local : null;
    },
  };
  const autosave = useSerialAutosave<Draft>({ save: (_key, value) => save(value), keepLocally });
  const { restore, setStatus, edit, flush } = autosave;

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the learner's workspace has arrived.
  useEffect(() => {
    if (!enabled || !storageKey) return;
    const local = restore(storageKey);
    if (local) setDraft(local);
    else if (serverDraft) {
      setDraft(serverDraft);
      setStatus({ kind: "saved" });
    }
  }, [enabled, storageKey]);

  const update = useCallback(
    (next: Draft) => {
      setDraft(next);
      if (storageKey) edit(storageKey, next);
    },
    [edit, storageKey],
  );
  const flushDraft = useCallback(() => (storageKey ? flush(storageKey) : Promise.resolve(true)), [flush, storageKey]);

  return { draft, status: autosave.status, update, flush: flushDraft };
}
