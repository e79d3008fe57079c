/** Small text functions shared by content checks and rendering. */

/** Collapses runs of whitespace to one space and trims, so line breaks in a file do not matter. */
export function normaliseWhitespace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export function countWords(s: string): number {
  const words = normaliseWhitespace(s).match(/[\p{L}\p{N}][\p{L}\p{N}'’.,$%-]*/gu);
  return words?.length ?? 0;
}

/** Minutes to read `words` at a steady 200 words a minute (a careful, close-reading pace), at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Matches any of `forms` as whole words (not inside a longer word), case-sensitive, preferring
 * the longest form where two start at the same place ("Islamic State" before "Islamic").
 */
export function wholeWordPattern(forms: readonly string[], flags = "gu"): RegExp {
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}

/**
 * `s` with its whitespace collapsed, cut to at most `max` characters with "…" when longer: at the
 * last whole word in reach (unless that would leave less than half), never inside an emoji, and
 * without a dangling comma or dash before the ellipsis.
 */
export function truncateAtWord(s: string, max: number): string {
  const flat = normaliseWhitespace(s);
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(" ", max - 1);
  let end = space > max / 2 ? space : max - 1;
  const last = flat.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // half of a surrogate pair
  return `${flat.slice(0, end).replace(/[\s,;:–—-]+$/, "")}…`;
}
