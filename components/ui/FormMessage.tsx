import type { FormState } from "@/lib/form-state";
import styles from "./forms.module.css";

/** The form's overall outcome, announced to screen readers; errors are also shown by each field. */
export function FormMessage({ state, success }: { state: FormState; success?: string }) {
  const text =
    state.status === "error" ? state.message : state.status === "success" ? (state.message ?? success) : undefined;
  return (
    <p role="status" className={state.status === "error" ? styles.formError : styles.formSuccess}>
      {text}
    </p>
  );
}
