/**
 * Calling a real server action over HTTP, as the browser does, many times over: one request is
 * captured from Chromium (the form posting to its action), then replayed with other sessions'
 * cookies. Students of one class post the same form, so the same body serves them all.
 */
import type { Page } from "@playwright/test";

export type ActionRequest = { url: string; headers: Record<string, string>; body: Buffer };

/** Headers that belong to the captured browser's connection or session, not to the action call. */
const NOT_REPLAYED = new Set(["cookie", "content-length", "host", "connection", "accept-encoding"]);

/**
 * Runs `trigger` (e.g. clicking the form's button) and captures the server action POST it makes.
 * The request is aborted, not sent on, so the captured session's data stays as it was.
 */
export async function captureActionPost(page: Page, trigger: () => Promise<void>): Promise<ActionRequest> {
  let resolve!: (r: ActionRequest) => void;
  const captured = new Promise<ActionRequest>((r) => (resolve = r));
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const headers = await request.allHeaders();
    if (!headers["next-action"]) return route.continue();
    const kept = Object.fromEntries(Object.entries(headers).filter(([k]) => !k.startsWith(":") && !NOT_REPLAYED.has(k)));
    resolve({ url: request.url(), headers: kept, body: request.postDataBuffer() ?? Buffer.alloc(0) });
    await route.abort();
  });
  await trigger();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("No server action request was made within 15 s.")), 15_000)));
  try {
    return await Promise.race([captured, timeout]);
  } finally {
    clearTimeout(timer);
    // Requests the page makes meanwhile may still be in the handler; they need not finish.
    await page.unrouteAll({ behavior: "ignoreErrors" });
  }
}

export type ActionReply = { status: number; body: string; state: ReturnType<typeof actionStateOf> };

/** Replays the captured request with this session's Cookie header. */
export async function replayAction(request: ActionRequest, cookie: string): Promise<ActionReply> {
  const res = await fetch(request.url, { method: "POST", headers: { ...request.headers, cookie }, body: new Uint8Array(request.body) });
  const body = await res.text();
  return { status: res.status, body, state: actionStateOf(body) };
}

/**
 * The state a form action returned, from the RSC payload of its response: row 0 names the
 * action's result (`"a":"$@<row>"`), and that row holds it. Null when there is none (e.g. an
 * error page instead of an action result).
 */
export function actionStateOf(payload: string): { status: string; message?: string } | null {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m && !rows.has(m[1]!)) rows.set(m[1]!, m[2]!);
  }
  const parse = (text: string | undefined): unknown => {
    try {
      return text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const head = parse(rows.get("0"));
  const ref = head && typeof head === "object" && "a" in head && typeof head.a === "string" ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1] : undefined;
  if (!ref) return null;
  const state = parse(rows.get(ref));
  if (!state || typeof state !== "object" || !("status" in state) || typeof state.status !== "string") return null;
  return { status: state.status, message: "message" in state && typeof state.message === "string" ? state.message : undefined };
}
