"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useViewer } from "./Viewer";
import { signUpAction } from "@/app/(auth)/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/form-state";
import styles from "@/components/ui/forms.module.css";

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signUpAction, idleFormState);
  // Kept at submit time: React resets the form's fields once the action completes.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const router = useRouter();
  const { refresh } = useViewer();
  const [signInError, setSignInError] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);

  // Once the account exists, sign in with what was just typed, then go on.
  useEffect(() => {
    if (state.status !== "success" || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    setSigningIn(true);
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      if (result?.ok && !result.error) {
        void refresh();
        router.push(returnTo);
        router.refresh();
      } else {
        setSigningIn(false);
        setSignInError("Your account was created, but signing in failed. Sign in with your new password.");
      }
    });
  }, [state, returnTo, router, refresh]);

  return (
    <form
      action={action}
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        credentials.current = { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
      }}
    >
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={state.errors?.name}
        hint="Shown to your instructor and classmates."
      />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        errors={state.errors?.password}
        hint="At least 10 characters."
      />
      <Field
        name="instructorCode"
        label="Instructor code (instructors only)"
        autoComplete="off"
        errors={state.errors?.instructorCode}
        hint="Leave empty to sign up as a student or self-learner."
      />
      <FormMessage state={signInError ? { status: "error", message: signInError } : state} />
      {signingIn ? (
        <button type="button" className={styles.primary} disabled>
          Signing you in…
        </button>
      ) : (
        <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      )}
    </form>
  );
}
