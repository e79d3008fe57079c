/**
 * Calling a real server action over HTTP, as the browser does, many times over: one request is
 * captured from Chromium (the form posting to its action), then replayed with other sessions'
 * cookies. Students of one class post the same form, so the same body serves them all.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";

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
    const kept = Object.fromEntries(
      Object.entries(headers).filter(([k]) => !k.startsWith(":") && !NOT_REPLAYED.has(k)),
    );
    resolve({ url: request.url(), headers: kept, body: request.postDataBuffer() ?? Buffer.alloc(0) });
    await route.abort();
  });
  await trigger();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error("No server action request was made within 15 s.")), 15_000)),
  );
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
export async function replayAction(request: ActionRequest, cookie: string, signal?: AbortSignal): Promise<ActionReply> {
  const res = await fetch(request.url, {
    method: "POST",
    headers: { ...request.headers, cookie },
    body: new Uint8Array(request.body),
    signal,
  });
  const body = await res.text();
  return { status: res.status, body, state: actionStateOf(body) };
}

/**
 * The state a form action returned, from the RSC payload of its response: row 0 names the
 * action's result (`"a":"$@<row>"`), and that row holds it. Null when there is none (e.g. an
 * error page instead of an action result).
 */
export function actionStateOf(
  payload: string,
): { status: string; message?: string; errors?: Record<string, unknown> } | null {
  const rows = rscRows(payload);
  const parse = (text: string | undefined): unknown => {
    try {
      return text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const head = parse(rows.get("0"));
  const ref =
    head && typeof head === "object" && "a" in head && typeof head.a === "string"
      ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1]
      : undefined;
  if (!ref) return null;
  const state = parse(rows.get(ref));
  if (!state || typeof state !== "object" || !("status" in state) || typeof state.status !== "string") return null;
  const found: { status: string; message?: string; errors?: Record<string, unknown> } = {
    status: state.status,
    message: "message" in state && typeof state.message === "string" ? state.message : undefined,
  };
  if ("errors" in state && state.errors && typeof state.errors === "object")
    found.errors = state.errors as Record<string, unknown>;
  return found;
}

/** Opens a lesson's summary page and captures the request its "Submit lesson" button makes (aborted: nothing is submitted). */
export async function captureSubmitLesson(page: Page, lessonSlug: string): Promise<ActionRequest> {
  page.on("dialog", (d) => void d.accept());
  await page.goto(`/lessons/${lessonSlug}/summary`);
  // The form saves answers kept in the browser first (none here), then enables submitting.
  return captureActionPost(page, () => page.getByRole("button", { name: "Submit lesson" }).click());
}

/** A browser context signed in with a Cookie header's session cookie (as signIn in http-session.ts returns it). */
export async function contextWithCookie(browser: Browser, base: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base });
  const eq = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: base }]);
  return context;
}

/**
 * The rows of an RSC payload by id: `<id>:<json>\n`, except text rows, `<id>:T<byte length in hex>,<text>`,
 * which have no newline (the next row follows at once). The first row of each id is kept.
 */
export function rscRows(payload: string): Map<string, string> {
  const buf = Buffer.from(payload, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < buf.length) {
    const colon = buf.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = buf.toString("utf8", at, colon);
    let value: string;
    if (buf[colon + 1] === 0x54 /* T */) {
      const comma = buf.indexOf(0x2c, colon + 2);
      const length = parseInt(buf.toString("utf8", colon + 2, comma), 16);
      if (comma < 0 || Number.isNaN(length)) break;
      value = buf.toString("utf8", comma + 1, comma + 1 + length);
      at = comma + 1 + length;
    } else {
      const newline = buf.indexOf(0x0a, colon);
      const end = newline < 0 ? buf.length : newline;
      value = buf.toString("utf8", colon + 1, end);
      at = end + 1;
    }
    if (!rows.has(id)) rows.set(id, value);
  }
  return rows;
}
