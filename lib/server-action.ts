/**
 * The edge of every server action: who is acting (from the session only), the input parsed once
 * with zod, and the data layer's typed errors turned into messages beside the right field.
 */
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/actor";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/database-errors";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";
import { logServerError } from "@/lib/server-error";

/** FormData as a plain object, without React's own `$ACTION…` fields. */
export function formDataObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (!key.startsWith("$") && typeof value === "string") out[key] = value;
  return out;
}

/** Never sent back to the browser, even to refill a form after an error. */
const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword", "confirmPassword", "instructorCode"]);

export function echoValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
}

/**
 * Maps what the data layer throws to a form state; anything unexpected is logged and said plainly
 * (a database out of reach as such, so the person knows that trying again is all it takes).
 */
export function errorState(err: unknown, values: Record<string, string> = {}): FormState {
  if (err instanceof DomainError) {
    return {
      status: "error",
      message: err.message,
      errors: err.field ? { [err.field]: [err.message] } : undefined,
      values: echoValues(values),
    };
  }
  if (err instanceof NotFoundError || err instanceof ForbiddenError)
    return { status: "error", message: err.message, values: echoValues(values) };
  const reference = logServerError("Server action failed", err);
  // As a route handler's 503: the database is out of reach for a moment, and trying again will do.
  const message = isDatabaseUnavailable(err)
    ? `${DATABASE_UNAVAILABLE} Please try again in a moment. (Reference ${reference})`
    : `Something went wrong on our side and nothing was saved. Please try again. (Reference ${reference})`;
  return { status: "error", message, values: echoValues(values) };
}

/**
 * Declares an action once: its schema, and what it does for a signed-in actor with valid input.
 * The handler's return value becomes the success state (or it may redirect).
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<FormState | void>,
  {
    signedOut = "Your session has ended. Sign in again; nothing was changed.",
    lists = [] as string[],
    checkboxes = [] as string[],
  }: {
    signedOut?: string;
    /** Fields sent many times (checkboxes of one name): parsed as arrays of every value. */
    lists?: string[];
    /** Single checkboxes: parsed as booleans (absent when unticked). */
    checkboxes?: string[];
  } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formDataObject(formData);
    try {
      const actor = await getActor();
      if (!actor) return { status: "error", message: signedOut, values: echoValues(values) };
      const input: Record<string, unknown> = { ...values };
      for (const name of lists) input[name] = formData.getAll(name).filter((v) => typeof v === "string");
      for (const name of checkboxes) input[name] = formData.get(name) === "on";
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const { formErrors, fieldErrors } = z.flattenError(parsed.error);
        // Form-level problems (an unexpected field) have no field to stand beside: say them here.
        const message =
          formErrors.length > 0
            ? `The form was not as expected: ${formErrors.join(" ")}`
            : "Check the highlighted fields.";
        return { status: "error", message, errors: fieldErrors as FormState["errors"], values: echoValues(values) };
      }
      return (await handler(actor, parsed.data)) ?? { status: "success" };
    } catch (err) {
      unstable_rethrow(err); // redirect() and notFound() work by throwing
      // Reading the session can fail too (the database): every failure keeps the form's values.
      return errorState(err, values);
    }
  };
}
