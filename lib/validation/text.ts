/**
 * What text stored as typed (names, titles, posts, comments, reasons) may contain. Refused, with a
 * message, rather than stored damaged:
 * - NUL and other control characters (line breaks and tabs stay allowed in multi-line text);
 * - U+FFFD, which is what invalid UTF-8 bytes in a posted form become: a real name or post hardly
 *   ever contains it, and keeping it would store the damage;
 * - lone UTF-16 surrogates (possible in JSON), which SQLite would store as U+FFFD.
 * Answers' texts are held to the multi-line rule too (lib/answers/response.ts).
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f\ufffd]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNREADABLE_TEXT =
  "The text contains characters that cannot be stored (control characters or unreadable bytes). Type it again.";

export function isStorableLine(s: string): boolean {
  return !SINGLE_LINE_FORBIDDEN.test(s) && !LONE_SURROGATE.test(s);
}

export function isStorableText(s: string): boolean {
  return !MULTI_LINE_FORBIDDEN.test(s) && !LONE_SURROGATE.test(s);
}
