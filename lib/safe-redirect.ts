/**
 * Only same-site paths may be used as "come back here after signing in" targets. The value is
 * resolved the way a browser would (which drops tabs and newlines, and reads "\" as "/"), and
 * refused unless it stays on this site.
 */
export function safeReturnPath(value: unknown, fallback = "/classes"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  const base = "http://marginalia.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
