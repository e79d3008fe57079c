/** Only same-site paths may be used as "come back here after signing in" targets. */
export function safeReturnPath(value: string | null | undefined, fallback = "/classes"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
