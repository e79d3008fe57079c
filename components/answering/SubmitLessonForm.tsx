"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { submitLessonAction } from "@/app/lessons/[slug]/summary/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import { sendJson } from "@/lib/http/send-json";
import { readLocalDraft } from "./useAnswerDraft";
import styles from "@/components/ui/forms.module.css";

type LocalSaves =
  | { kind: "checking" }
  | { kind: "saving"; count: number }
  | { kind: "done" }
  | { kind: "failed"; count: number };

/**
 * Submits the whole lesson, after saying what is still unanswered. Edits still kept only in this
 * browser (typed just before leaving a page, or while offline) are saved first, so the
 * submission includes them.
 */
export function SubmitLessonForm({
  lessonSlug,
  contextKey,
  owner,
  unanswered,
}: {
  lessonSlug: string;
  contextKey: string;
  owner: string;
  unanswered: number;
}) {
  const [state, action] = useActionState(submitLessonAction, idleFormState);
  const [local, setLocal] = useState<LocalSaves>({ kind: "checking" });
  const router = useRouter();

  useEffect(() => {
    const prefix = `marginalia:draft:${owner}:${lessonSlug}:${contextKey}:`;
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
    if (keys.length === 0) return setLocal({ kind: "done" });
    setLocal({ kind: "saving", count: keys.length });
    void Promise.all(
      keys.map(async (key) => {
        const draft = readLocalDraft(key);
        if (!draft) return true;
        const answer = await sendJson("/api/answers", {
          method: "PUT",
          body: {
            lessonSlug,
            contextKey,
            questionKey: key.slice(prefix.length),
            response: draft.response,
            citedSentences: draft.citedSentences,
          },
        });
        if (answer.ok && readLocalDraft(key)?.editedAt === draft.editedAt) localStorage.removeItem(key);
        return answer.ok;
      }),
    ).then((results) => {
      const failed = results.filter((ok) => !ok).length;
      setLocal(failed > 0 ? { kind: "failed", count: failed } : { kind: "done" });
      if (failed < results.length) router.refresh(); // show what was just saved
    });
  }, [owner, lessonSlug, contextKey, router]);

  const warning =
    unanswered > 0
      ? `${unanswered} ${unanswered === 1 ? "question is" : "questions are"} still unanswered. Submit anyway? Answers cannot be changed after submitting.`
      : "Submit the lesson? Answers cannot be changed after submitting.";
  return (
    <form
      action={action}
      className={styles.form}
      onSubmit={(event) => {
        if (local.kind !== "done" || !window.confirm(warning)) event.preventDefault();
      }}
    >
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <input type="hidden" name="contextKey" value={contextKey} />
      {local.kind === "saving" && (
        <p role="status">
          Saving {local.count} {local.count === 1 ? "answer" : "answers"} kept in this browser…
        </p>
      )}
      {local.kind === "failed" && (
        <p role="alert" className={styles.formError}>
          {local.count} {local.count === 1 ? "answer" : "answers"} typed in this browser could not be saved yet. Check
          your connection and reload this page before submitting.
        </p>
      )}
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">Submit lesson</SubmitButton>
    </form>
  );
}
