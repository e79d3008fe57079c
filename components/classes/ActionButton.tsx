"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";
import { idleFormState, type FormState } from "@/lib/form-state";
import styles from "./ActionButton.module.css";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One button that runs one server action with fixed fields, after an optional confirmation. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
  accessibleLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  confirm?: string;
  variant?: "primary" | "secondary" | "danger" | "quiet";
  /** A fuller accessible name, starting with the label. */
  accessibleLabel?: string;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form
      action={formAction}
      className={styles.inline}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel} accessibleLabel={accessibleLabel}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
