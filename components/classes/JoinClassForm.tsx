"use client";

import { useActionState } from "react";
import { joinClassAction } from "@/app/join/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

export function JoinClassForm({ code }: { code?: string }) {
  const [state, action] = useActionState(joinClassAction, idleFormState);
  return (
    <form action={action} className={styles.form} noValidate>
      <Field name="code" label="Class code" required autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={code} errors={state.errors?.code} hint="Ten letters and digits, like K7M2Q-XR9PD. Your instructor has it." />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Joining…">Join class</SubmitButton>
    </form>
  );
}
