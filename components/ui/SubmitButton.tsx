"use client";

import { useFormStatus } from "react-dom";
import styles from "./forms.module.css";

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  accessibleLabel,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  /** "quiet": a secondary action that should not draw the eye (a link-like button). */
  variant?: "primary" | "secondary" | "danger" | "quiet";
  /** A fuller name than the visible text, which it must start with (say which row it acts on). */
  accessibleLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={styles[variant]}
      disabled={pending}
      aria-disabled={pending}
      aria-label={pending ? undefined : accessibleLabel}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
