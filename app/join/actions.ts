"use server";

import { redirect } from "next/navigation";
import { joinClass } from "@/db/access/classes";
import { formAction } from "@/lib/server-action";
import { joinClassSchema } from "@/lib/validation/accounts";

export const joinClassAction = formAction(joinClassSchema, async (actor, { code }) => {
  const joined = await joinClass(actor, code);
  redirect(`/classes/${joined.id}?joined=1`);
});
