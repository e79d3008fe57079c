"use client";

import { startTransition, useActionState, useState } from "react";
import { shareSnapshotAction } from "@/app/classes/[id]/share/actions";
import type { ShareableAnswers } from "@/db/access/class-snapshots";
import { FormMessage } from "@/components/ui/FormMessage";
import { idleFormState } from "@/lib/form-state";
import forms from "@/components/ui/forms.module.css";
import styles from "./Discussion.module.css";

/** The instructor picks answers to compare, names on or off, and a note to open the thread. Choices stay put if the server refuses. */
export function ShareSnapshotForm({
  classId,
  lessonSlug,
  questionKey,
  shareable,
}: {
  classId: string;
  lessonSlug: string;
  questionKey: string;
  shareable: ShareableAnswers;
}) {
  const [state, action, pending] = useActionState(shareSnapshotAction, idleFormState);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [showNames, setShowNames] = useState(false);
  const [title, setTitle] = useState(() => defaultTitle(shareable.question));
  const [note, setNote] = useState(
    "Here are some of your answers, side by side. Where do they agree, and where do they read the passage differently? Point to the sentences.",
  );
  const toggle = (id: string) =>
    setChosen((c) => (c.has(id) ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id])));
  const error = (name: string) => state.errors?.[name]?.join(" ");
  // The note and title are controlled too, so a refusal keeps everything as typed.

  return (
    <form
      className={styles.composer}
      noValidate
      onSubmit={(event) => {
        // Submitted by hand rather than through `action`, which resets the form's checkboxes even when the share is refused.
        event.preventDefault();
        if (pending) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <input type="hidden" name="questionKey" value={questionKey} />
      {/* The choices are sent from state: React resets a form's checkboxes after each action, even a refused one. */}
      {[...chosen].map((id) => (
        <input key={id} type="hidden" name="answerIds" value={id} />
      ))}
      {showNames && <input type="hidden" name="showNames" value="on" />}
      <fieldset className={styles.shareList} aria-describedby="answers-error">
        <legend>
          <strong>Answers to share</strong> ({chosen.size} chosen of {shareable.answers.length})
        </legend>
        {shareable.answers.map((a) => (
          <div key={a.answerId} className={forms.checkbox}>
            <input
              id={`answer-${a.answerId}`}
              type="checkbox"
              value={a.answerId}
              checked={chosen.has(a.answerId)}
              onChange={() => toggle(a.answerId)}
            />
            <label htmlFor={`answer-${a.answerId}`}>
              <strong>{a.studentName}</strong>: <span className={styles.body}>{a.text}</span>
            </label>
          </div>
        ))}
        <p id="answers-error" className={forms.error} aria-live="polite">
          {error("answerIds")}
        </p>
      </fieldset>
      <div className={forms.checkbox}>
        <input id="show-names" type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} />
        <label htmlFor="show-names">
          Show students&apos; names (only if the class has been told their answers may be shared with names)
        </label>
      </div>
      <div className={styles.field}>
        <label htmlFor="snapshot-title">Thread title</label>
        <input
          id="snapshot-title"
          name="title"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={!!error("title")}
          aria-describedby="snapshot-title-error"
        />
        <p id="snapshot-title-error" className={forms.error} aria-live="polite">
          {error("title")}
        </p>
      </div>
      <div className={styles.field}>
        <label htmlFor="snapshot-note">Note to the class</label>
        <textarea
          id="snapshot-note"
          name="note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={!!error("note")}
          aria-describedby="snapshot-note-error"
        />
        <p id="snapshot-note-error" className={forms.error} aria-live="polite">
          {error("note")}
        </p>
      </div>
      <FormMessage state={state} />
      <button type="submit" className={forms.primary} disabled={pending}>
        {pending ? "Sharing…" : `Share ${chosen.size === 1 ? "1 answer" : `${chosen.size} answers`} with the class`}
      </button>
    </form>
  );
}

/** "Compare readings: <the question>", cut at a word so it fits a title. */
function defaultTitle(question: string, max = 120): string {
  const full = `Compare readings: ${question}`;
  if (full.length <= max) return full;
  const cut = full.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[,.;:]$/, "")}…`;
}
