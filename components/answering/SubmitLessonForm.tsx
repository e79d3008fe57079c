"use client";

import { useActionState } from "react";
import { submitLessonAction } from "@/app/lessons/[slug]/summary/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

/** Submits the whole lesson, after saying what is still unanswered. */
export function SubmitLessonForm({ lessonSlug, contextKey, unanswered }: { lessonSlug: string; contextKey: string; unanswered: number }) {
  const [state, action] = useActionState(submitLessonAction, idleFormState);
  const warning =
    unanswered > 0
      ? `${unanswered} ${unanswered === 1 ? "question is" : "questions are"} still unanswered. Submit anyway? Answers cannot be changed after submitting.`
      : "Submit the lesson? Answers cannot be changed after submitting.";
  return (
    <form
      action={action}
      className={styles.form}
      onSubmit={(event) => {
        if (!window.confirm(warning)) event.preventDefault();
      }}
    >
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <input type="hidden" name="contextKey" value={contextKey} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">Submit lesson</SubmitButton>
    </form>
  );
}
