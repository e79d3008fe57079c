"use client";

import { useFormStatus } from "react-dom";
import styles from "./forms.module.css";

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: React.ReactNode; pendingLabel?: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={styles[variant]} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
