/**
 * Addresses no route of ours can serve because of how they are escaped. Next.js cannot decode a
 * dynamic segment such as `%FF` or `abc%` and then fails to render its error page, answering a bare
 * 500 with none of our headers. Every path of ours is printable ASCII (slugs, stable ids, UUIDs), so
 * any escape of a non-ASCII byte or a control character (`%00`, which PostgreSQL refuses in a query),
 * and any `%` not followed by two hex digits, names nothing here. Printable ASCII escapes such as
 * `%2D` decode to a real path and are left to Next.js.
 * proxy.ts's matcher holds the same pattern as a literal (Next.js reads it statically); the unit
 * test checks the two agree.
 */
export const UNROUTABLE_ESCAPE = /%(?:[89a-fA-F]|[01][0-9a-fA-F]|7[fF]|(?![0-9a-fA-F]{2}))/;

export function hasUnroutableEscape(rawPathname: string): boolean {
  return UNROUTABLE_ESCAPE.test(rawPathname);
}
