"use client";

import { sendJson } from "@/lib/http/send-json";
import type { PassageDiscussion } from "@/lib/discussion/view";

export type DiscussionResult =
  | { ok: true; discussion: PassageDiscussion }
  | { ok: false; message: string; fieldErrors: Record<string, string[] | undefined> };

/** Sends one discussion change; the server answers with the passage's discussion as it now stands. */
export async function sendDiscussion(
  url: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<DiscussionResult> {
  const answer = await sendJson<PassageDiscussion>(url, { method, body });
  if (answer.ok) return { ok: true, discussion: answer.data };
  if (answer.status === 0)
    return {
      ok: false,
      message: "No connection: nothing was sent. Your text is still here; try again when you are back online.",
      fieldErrors: {},
    };
  if (answer.status === 401)
    return { ok: false, message: "Your session has ended. Sign in again; your text is still here.", fieldErrors: {} };
  return { ok: false, message: answer.message ?? "That did not work. Try again.", fieldErrors: answer.fieldErrors };
}
