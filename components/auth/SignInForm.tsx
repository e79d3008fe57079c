"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useViewer } from "./Viewer";
import styles from "@/components/ui/forms.module.css";

type Errors = { email?: string; password?: string; form?: string };

/** Signs in through next-auth's credentials provider; the server validates and throttles. */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const { refresh } = useViewer();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing: Errors = {};
    if (!email) missing.email = "Enter your email address.";
    if (!password) missing.password = "Enter your password.";
    if (missing.email || missing.password) return setErrors({ ...missing, form: "Check the highlighted fields." });

    setPending(true);
    setErrors({});
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        const message =
          !result || result.error === "CredentialsSignin"
            ? "That email and password do not match an account."
            : result.error;
        setErrors({ form: message ?? undefined });
        return;
      }
      await refresh();
      router.push(returnTo);
      router.refresh();
    } catch {
      setErrors({ form: "We could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  // method="post": if it is submitted before the page has hydrated, the password must not land in the URL.
  return (
    <form method="post" className={styles.form} onSubmit={onSubmit} noValidate aria-describedby="signin-status">
      <div className={styles.field}>
        <label htmlFor="signin-email">Email</label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "signin-email-error" : undefined}
        />
        <p id="signin-email-error" className={styles.error}>
          {errors.email}
        </p>
      </div>
      <div className={styles.field}>
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "signin-password-error" : undefined}
        />
        <p id="signin-password-error" className={styles.error}>
          {errors.password}
        </p>
      </div>
      <p id="signin-status" role="status" className={styles.formError}>
        {errors.form}
      </p>
      <button type="submit" className={styles.primary} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
