"use client";

import { useActionState } from "react";
import { overrideGradeAction } from "@/app/classes/[id]/review/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

/** Changes an automatic grade, with the reason the student will read. */
export function OverrideForm({
  classId,
  answerId,
  label,
  maxPoints,
  points,
  reason,
}: {
  classId: string;
  answerId: string;
  label: string;
  maxPoints: number;
  points: number | null;
  reason: string | null;
}) {
  const [state, action] = useActionState(overrideGradeAction, idleFormState);
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="answerId" value={answerId} />
      <Field
        id={`points-${answerId}`}
        name="points"
        label={`${label}: points (0 to ${maxPoints})`}
        type="number"
        min={0}
        max={maxPoints}
        step="0.5"
        defaultValue={state.values?.points ?? points ?? undefined}
        errors={state.errors?.points}
      />
      <Field
        id={`reason-${answerId}`}
        name="reason"
        label={`${label}: reason for the change`}
        maxLength={500}
        defaultValue={state.values?.reason ?? reason ?? undefined}
        errors={state.errors?.reason}
      />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save override
      </SubmitButton>
    </form>
  );
}
