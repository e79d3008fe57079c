"use client";

import { useActionState } from "react";
import { joinClassAction } from "@/app/join/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

/** Joining with a code, typed or filled in from a join link (`/join?code=…`). */
export function JoinClassForm({ code }: { code?: string }) {
  const [state, action] = useActionState(joinClassAction, idleFormState);
  const fieldErrors = state.errors?.code;
  return (
    <form action={action} className={styles.form} noValidate>
      <Field
        name="code"
        label="Class code"
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        // A refused code stays in the field to correct, rather than being typed again.
        defaultValue={state.values?.code ?? code}
        errors={fieldErrors}
        hint="Ten letters and digits, like K7M2Q-XR9PD. Your instructor has it."
      />
      {/* The message is said once: beside the field when it is about the code, here otherwise. */}
      <FormMessage state={fieldErrors?.length ? idleFormState : state} />
      <SubmitButton pendingLabel="Joining…">Join class</SubmitButton>
    </form>
  );
}
