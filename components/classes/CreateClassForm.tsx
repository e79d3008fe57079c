"use client";

import { useActionState } from "react";
import { createClassAction } from "@/app/classes/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

export function CreateClassForm() {
  const [state, action] = useActionState(createClassAction, idleFormState);
  return (
    <form action={action} className={styles.form} noValidate>
      <Field
        name="name"
        label="Class name"
        required
        maxLength={80}
        defaultValue={state.values?.name}
        errors={state.errors?.name}
        hint="For example: Year 11 English, Tuesday group."
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Creating…">Create class</SubmitButton>
    </form>
  );
}
