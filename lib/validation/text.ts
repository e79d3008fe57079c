/**
 * What stored text may contain. A person never types NUL or other control characters, and U+FFFD
 * only appears when bytes sent as text were not valid UTF-8: such text is refused with a message,
 * rather than stored damaged (line breaks and tabs stay allowed in multi-line text).
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f\ufffd]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

export const UNREADABLE_TEXT = "The text contains characters that could not be read or stored. Type it again.";

export function isStorableLine(s: string): boolean {
  return !SINGLE_LINE_FORBIDDEN.test(s);
}

export function isStorableText(s: string): boolean {
  return !MULTI_LINE_FORBIDDEN.test(s);
}
