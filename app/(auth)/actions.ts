"use server";

import { z } from "zod";
import { signUp } from "@/db/access/users";
import { echoValues, errorState, formDataObject } from "@/lib/server-action";
import { signUpSchema } from "@/lib/validation/accounts";
import { readEnv } from "@/lib/env";
import type { FormState } from "@/lib/form-state";

/** Creates the account; the form then signs in with the same credentials through next-auth. */
export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formDataObject(formData);
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Check the highlighted fields.",
      errors: z.flattenError(parsed.error).fieldErrors,
      values: echoValues(values),
    };
  }
  try {
    await signUp(parsed.data, readEnv().INSTRUCTOR_SIGNUP_CODE);
    return { status: "success", message: "Account created. Signing you in…" };
  } catch (err) {
    return errorState(err, values);
  }
}
