"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { changePassword, endAllSessions, updateProfile } from "@/db/access/users";
import { clearSessionCookie, startSession } from "@/lib/auth/session";
import { formAction } from "@/lib/server-action";
import { changePasswordSchema, profileSchema } from "@/lib/validation/accounts";
import { z } from "zod";

export const updateProfileAction = formAction(profileSchema, async (actor, input) => {
  await updateProfile(actor, input);
  revalidatePath("/account");
  return { status: "success", message: "Name saved." };
});

export const changePasswordAction = formAction(changePasswordSchema, async (actor, input) => {
  const sessionVersion = await changePassword(actor, input);
  // Every other session has ended; this browser stays signed in with a renewed session.
  await startSession(actor, sessionVersion);
  return { status: "success", message: "Password changed. You have been signed out on every other device." };
});

export const endAllSessionsAction = formAction(z.strictObject({}), async (actor) => {
  await endAllSessions(actor);
  await clearSessionCookie();
  redirect("/signin?signedOut=everywhere");
});
