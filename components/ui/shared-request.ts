"use client";

import { sendJson } from "@/lib/http/send-json";

/**
 * One GET for many components rendered together (every line of a list asking for its part of
 * the same JSON), fresh again after a couple of seconds. Resolves to null when the request fails.
 */
const requests = new Map<string, { at: number; body: Promise<unknown> }>();

export function sharedJson<T>(url: string, freshForMs = 2000): Promise<T | null> {
  const known = requests.get(url);
  if (known && Date.now() - known.at <= freshForMs) return known.body as Promise<T | null>;
  const body = sendJson<T>(url).then((answer) => (answer.ok ? answer.data : null));
  requests.set(url, { at: Date.now(), body });
  return body;
}
