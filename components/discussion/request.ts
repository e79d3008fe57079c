"use client";

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
  try {
    const res = await fetch(url, {
      method,
      cache: "no-store",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json().catch(() => ({}))) as {
      message?: string;
      errors?: Record<string, string[] | undefined>;
    };
    if (res.ok) return { ok: true, discussion: data as unknown as PassageDiscussion };
    if (res.status === 401)
      return { ok: false, message: "Your session has ended. Sign in again; your text is still here.", fieldErrors: {} };
    return { ok: false, message: data.message ?? "That did not work. Try again.", fieldErrors: data.errors ?? {} };
  } catch {
    return {
      ok: false,
      message: "No connection: nothing was sent. Your text is still here; try again when you are back online.",
      fieldErrors: {},
    };
  }
}
