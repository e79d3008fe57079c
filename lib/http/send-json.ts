/**
 * The browser's one way to call the app's JSON endpoints. It never throws: the answer is a value
 * that says what happened. A failure carries what the server said, as lib/route-handler.ts sends
 * it: the message to show, the field errors, and for an unexpected error the reference the log
 * was written under (in the body and the X-Error-Reference header). No connection, or a request
 * aborted through `signal`, is status 0. The body is always read: an unread response keeps its
 * connection busy (and the page never "network idle").
 */

export type JsonFailure = {
  ok: false;
  /** The HTTP status; 0 when no answer came (no connection, or aborted). */
  status: number;
  /** The request was aborted through its signal: nothing to tell anyone. */
  aborted: boolean;
  /** What the server said went wrong, to show as it is; undefined when it said nothing readable. */
  message: string | undefined;
  /** The reference of an unexpected server error, under which the server logged it. */
  reference: string | undefined;
  /** Per-field messages, for a form to show beside its fields. */
  fieldErrors: Record<string, string[] | undefined>;
  /** Seconds to wait before asking again, when the server said so (429). */
  retryAfterSeconds: number | undefined;
};

export type JsonAnswer<T> = { ok: true; status: number; data: T } | JsonFailure;

export type SendOptions = {
  /** GET without a body, POST with one, unless said. */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
};

/** Whether a failed save is worth trying again unchanged: no connection, a busy or failing server, or an ended session (it may be renewed in another tab). */
export function worthRetrying(failure: Pick<JsonFailure, "status" | "aborted">): boolean {
  if (failure.aborted) return false;
  return failure.status === 0 || failure.status === 401 || failure.status === 429 || failure.status >= 500;
}

/** The answer to a request, from its status, its body's text and its X-Error-Reference and Retry-After headers. */
export function readJsonAnswer<T>(
  status: number,
  text: string,
  headers: { get(name: string): string | null } = { get: () => null },
): JsonAnswer<T> {
  let data: unknown;
  let parsed = true;
  try {
    data = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (status >= 200 && status < 300 && parsed) return { ok: true, status, data: data as T };
  const body = (parsed && typeof data === "object" && data !== null ? data : {}) as {
    message?: unknown;
    reference?: unknown;
    errors?: unknown;
  };
  const retryAfter = Number(headers.get("Retry-After"));
  return {
    ok: false,
    status,
    aborted: false,
    message: typeof body.message === "string" ? body.message : undefined,
    reference:
      (typeof body.reference === "string" ? body.reference : undefined) ??
      headers.get("X-Error-Reference") ??
      undefined,
    fieldErrors:
      typeof body.errors === "object" && body.errors !== null
        ? (body.errors as Record<string, string[] | undefined>)
        : {},
    retryAfterSeconds: headers.get("Retry-After") !== null && Number.isFinite(retryAfter) ? retryAfter : undefined,
  };
}

function noAnswer(aborted: boolean): JsonFailure {
  return {
    ok: false,
    status: 0,
    aborted,
    message: undefined,
    reference: undefined,
    fieldErrors: {},
    retryAfterSeconds: undefined,
  };
}

/** Sends `body` (if any) as JSON to `url` and reads the JSON answer. Never cached: every answer is per-user. */
export async function sendJson<T = unknown>(url: string, options: SendOptions = {}): Promise<JsonAnswer<T>> {
  const { body, signal } = options;
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  try {
    const res = await fetch(url, {
      method,
      cache: "no-store",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    return readJsonAnswer<T>(res.status, await res.text(), res.headers);
  } catch {
    return noAnswer(signal?.aborted ?? false);
  }
}
