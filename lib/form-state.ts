/** The state every form action returns: per-field errors, a message, and what to show again. */
export type FormState = {
  status: "idle" | "success" | "error";
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** Submitted values to put back in the form after an error (never passwords). */
  values?: Record<string, string>;
};

export const idleFormState: FormState = { status: "idle" };
