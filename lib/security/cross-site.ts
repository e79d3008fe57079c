/**
 * Cross-site request refusal for everything that changes state: the JSON route handlers (through
 * jsonRoute) and server actions (through proxy.ts).
 *
 * The session cookie is SameSite=Lax, which still sends it with a POST from the same *site*: another
 * port of the same host, or a sibling subdomain. A form there can post `text/plain` that parses as
 * JSON. So a state-changing request must
 * - come from the app's own origin: an `Origin` header, when present, naming the host the request was
 *   sent to, and a `Sec-Fetch-Site` header, when present, saying `same-origin`;
 * - (route handlers) carry `Content-Type: application/json`, which no form can send and which a
 *   cross-origin script can send only after a CORS preflight that we never grant.
 * A request with neither `Origin` nor `Sec-Fetch-Site` is not from a browser page (curl, scripts):
 * there is no cookie to ride on, so it is let through to the session check.
 */

export type CrossSiteRefusal = { status: 403 | 415; message: string };

type HeaderReader = { get(name: string): string | null };

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const FOREIGN_ORIGIN: CrossSiteRefusal = {
  status: 403,
  message:
    "This request came from another site, so it was refused and nothing was changed. Use Marginalia's own pages.",
};
export const NOT_JSON: CrossSiteRefusal = {
  status: 415,
  message: "This address takes JSON only (Content-Type: application/json); nothing was changed.",
};

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** The hosts the request was addressed to: its Host, and the host a proxy in front says it forwarded. */
function ownHosts(headers: HeaderReader): string[] {
  const hosts = [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0]];
  return hosts.map((h) => h?.trim().toLowerCase()).filter((h): h is string => !!h);
}

/** Refuses a request whose Origin or Sec-Fetch-Site says it was sent by a page of another origin. */
export function refuseForeignOrigin(headers: HeaderReader): CrossSiteRefusal | null {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return FOREIGN_ORIGIN;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    // "null" (sandboxed frames, some redirects) and anything else unparsable are foreign.
    host = new URL(origin).host.toLowerCase();
  } catch {
    return FOREIGN_ORIGIN;
  }
  return ownHosts(headers).includes(host) ? null : FOREIGN_ORIGIN;
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** The check every state-changing JSON route makes before it reads the session or the body. */
export function refuseCrossSiteJson(method: string, headers: HeaderReader): CrossSiteRefusal | null {
  if (!isStateChanging(method)) return null;
  return refuseForeignOrigin(headers) ?? (isJsonContentType(headers.get("content-type")) ? null : NOT_JSON);
}
