"use client";

import { useActionState, useEffect, useRef } from "react";
import { useViewer } from "./Viewer";
import { changePasswordAction, endAllSessionsAction, updateProfileAction } from "@/app/account/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState, type FormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

export function ProfileForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateProfileAction, idleFormState);
  const { refresh } = useViewer();
  // The header shows the name from the session: refresh it once per saved name. (refresh is
  // stable, but the state object is new on every render of the action.)
  const refreshedFor = useRef<FormState | null>(null);
  useEffect(() => {
    if (state.status !== "success" || refreshedFor.current === state) return;
    refreshedFor.current = state;
    void refresh();
  }, [state, refresh]);
  return (
    <form action={action} className={styles.form} noValidate>
      <Field
        name="name"
        label="Display name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={state.values?.name ?? name}
        errors={state.errors?.name}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </form>
  );
}

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, idleFormState);
  return (
    <form action={action} className={styles.form} noValidate>
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        errors={state.errors?.newPassword}
        hint="At least 10 characters."
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirmPassword}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, action] = useActionState(endAllSessionsAction, idleFormState);
  return (
    <form
      action={action}
      className={styles.form}
      onSubmit={(event) => {
        if (!window.confirm("Sign out on every device, this one included?")) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
