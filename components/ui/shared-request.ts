"use client";

/**
 * One GET for many components rendered together (every line of a list asking for its part of
 * the same JSON), fresh again after a couple of seconds. The body is read whatever the status:
 * an unread response keeps its connection busy. Resolves to null when the request fails.
 */
const requests = new Map<string, { at: number; body: Promise<unknown> }>();

export function sharedJson<T>(url: string, freshForMs = 2000): Promise<T | null> {
  const known = requests.get(url);
  if (known && Date.now() - known.at <= freshForMs) return known.body as Promise<T | null>;
  const body = fetch(url, { cache: "no-store" })
    .then(async (res) => {
      const json = (await res.json().catch(() => null)) as T | null;
      return res.ok ? json : null;
    })
    .catch(() => null);
  requests.set(url, { at: Date.now(), body });
  return body;
}
