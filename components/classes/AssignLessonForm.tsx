"use client";

import { useActionState } from "react";
import { assignLessonAction } from "@/app/classes/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

export function AssignLessonForm({
  classId,
  lessons,
}: {
  classId: string;
  lessons: { slug: string; title: string }[];
}) {
  const [state, action] = useActionState(assignLessonAction, idleFormState);
  if (lessons.length === 0) return <p className="muted">There are no lessons to assign yet.</p>;
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="classId" value={classId} />
      <div className={styles.field}>
        <label htmlFor="assign-lesson">Lesson</label>
        <select
          id="assign-lesson"
          name="lessonSlug"
          className={styles.select}
          defaultValue={state.values?.lessonSlug}
          aria-describedby={state.errors?.lessonSlug ? "assign-lesson-error" : undefined}
        >
          {lessons.map((l) => (
            <option key={l.slug} value={l.slug}>
              {l.title}
            </option>
          ))}
        </select>
        <p id="assign-lesson-error" className={styles.error}>
          {state.errors?.lessonSlug?.join(" ")}
        </p>
      </div>
      <Field
        name="dueDate"
        label="Due date (optional)"
        type="date"
        defaultValue={state.values?.dueDate}
        errors={state.errors?.dueDate}
        hint="Due at the end of that day. Leave empty for no due date."
      />
      <div className={styles.checkbox}>
        <input
          id="assign-show-answers"
          type="checkbox"
          name="showAnswersAfterSubmit"
          defaultChecked={state.values ? state.values.showAnswersAfterSubmit === "on" : true}
        />
        <label htmlFor="assign-show-answers">Students see the correct answers and explanations after they submit</label>
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Assigning…">Assign lesson</SubmitButton>
    </form>
  );
}
