/**
 * Server action requests, checked before Next.js decodes them. Next.js answers 500 when React's
 * reply decoder throws on a malformed body (bad JSON, references to rows that do not exist) or when
 * the body is over its 1 MB limit. The contract, which React 19's reply encoding meets for what our
 * actions take (a form's FormData, or plain values):
 * - multipart: a root row `0` of plain JSON, pointing at FormData fields `_<n>_name` with "$K<n>"
 *   (n in hex, as React writes it); without JavaScript, React's `$ACTION_…` fields in their shapes;
 * - a string body (an action called with plain values): a plain JSON array.
 * Anything else is refused here with a 4xx and a message. A React upgrade that changes the encoding
 * shows as the journeys' forms failing with 400s, never silently.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024; // Next.js's default serverActions.bodySizeLimit

export type ActionRefusal = { status: 400 | 413; message: string };

const MALFORMED: ActionRefusal = {
  status: 400,
  message: "The form could not be read. Reload the page and try again; nothing was saved.",
};
const TOO_LARGE: ActionRefusal = {
  status: 413,
  message: "The form is larger than 1 MB, so nothing was saved. Shorten the text and try again.",
};

/** A string React would read as plain text ("$$" escapes a leading "$"), or one of the `allowed` references. */
function plainString(s: string, allowed: (ref: string) => boolean): boolean {
  return !s.startsWith("$") || s.startsWith("$$") || s === "$undefined" || allowed(s);
}

/** JSON whose every string value is plain or an allowed reference (object keys are never decoded). */
function plainJson(text: string, allowed: (ref: string) => boolean = () => false): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const ok = (v: unknown): boolean => {
    if (typeof v === "string") return plainString(v, allowed);
    if (Array.isArray(v)) return v.every(ok);
    if (v && typeof v === "object") return Object.values(v).every(ok);
    return true;
  };
  return ok(value) ? value : undefined;
}

/** A fetch action (Next-Action header): the root row and the fields of the FormData it names. */
export function checkFetchActionFields(entries: readonly [string, unknown][]): ActionRefusal | null {
  const roots = entries.filter(([name]) => name === "0");
  if (roots.length !== 1 || typeof roots[0]![1] !== "string") return MALFORMED;
  const forms = new Set<string>();
  const root = plainJson(roots[0]![1], (ref) => {
    const m = /^\$K([0-9a-f]+)$/.exec(ref);
    if (m) forms.add(m[1]!);
    return m !== null;
  });
  if (!Array.isArray(root)) return MALFORMED;
  for (const [name] of entries) {
    if (name === "0") continue;
    const m = /^_([0-9a-f]+)_/.exec(name);
    if (!m || !forms.has(m[1]!)) return MALFORMED;
  }
  return null;
}

/** A form posted without JavaScript: React's `$ACTION_…` fields must have their documented shapes. */
export function checkFormActionFields(entries: readonly [string, unknown][]): ActionRefusal | null {
  for (const [name, value] of entries) {
    if (!name.startsWith("$ACTION_")) continue; // the form's own fields are the action's business
    if (/^\$ACTION_(ID_[0-9a-f]+|REF_\d+|KEY)$/.test(name)) continue;
    const row = /^\$ACTION_\d+:(\d+)$/.exec(name);
    if (!row || typeof value !== "string") return MALFORMED;
    if (row[1] === "0") {
      const ref = plainJson(value, (s) => s === "$@1") as { id?: unknown; bound?: unknown } | undefined;
      const keys = ref && typeof ref === "object" && !Array.isArray(ref) ? Object.keys(ref) : null;
      if (
        !keys ||
        typeof ref!.id !== "string" ||
        !(ref!.bound === null || ref!.bound === "$@1") ||
        keys.some((k) => k !== "id" && k !== "bound")
      )
        return MALFORMED;
    } else if (plainJson(value) === undefined) {
      return MALFORMED;
    }
  }
  return null;
}

/** Whether Next.js would try to run a server action for this request. */
export function isPossibleServerAction(method: string, headers: Headers): boolean {
  return (
    method === "POST" &&
    (headers.has("next-action") || (headers.get("content-type") ?? "").startsWith("multipart/form-data"))
  );
}

/** The refusal for a malformed action request, or null when Next.js may decode it. Reads a copy of the body. */
export async function refuseMalformedAction(request: Request): Promise<ActionRefusal | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) return TOO_LARGE;
  const contentType = request.headers.get("content-type") ?? "";
  const fetchAction = request.headers.has("next-action");
  if (!fetchAction && !contentType.startsWith("multipart/form-data")) return null;
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT) return TOO_LARGE;
  if (!contentType.startsWith("multipart/form-data")) {
    // React sends a string body when an action takes plain values: decoded as one JSON row.
    return Array.isArray(plainJson(new TextDecoder().decode(body))) ? null : MALFORMED;
  }
  let entries: [string, unknown][];
  try {
    entries = [...(await new Response(body, { headers: { "content-type": contentType } }).formData()).entries()];
  } catch {
    return MALFORMED;
  }
  return fetchAction ? checkFetchActionFields(entries) : checkFormActionFields(entries);
}
