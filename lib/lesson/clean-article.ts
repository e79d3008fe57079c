/**
 * Separates an article's own paragraphs from the web clutter pasted with it: embed shortcodes,
 * "Related:" links, "Follow ... on Twitter" lines, "Watch the ... film" promos and age notices.
 * Used to check that a lesson keeps every paragraph of its source, and nothing else.
 */

const clutterPatterns: RegExp[] = [
  /^\[[a-z_]+[^\]]*\]$/i, // embed shortcodes: [ooyalacontent_id="..." ...]
  /^Related:/i,
  /^Follow .+ on Twitter\b/i,
  /^Watch the .+ (film|video|documentary)\b/i,
  /^This (story|article) is over \d+ years? old\.?$/i,
];

export function isClutter(line: string): boolean {
  return clutterPatterns.some((p) => p.test(line.trim()));
}

/**
 * The body paragraphs of a raw article: one paragraph per non-empty line, without clutter and
 * without the lines that belong to the lesson's header (headline, standfirst, photo credit).
 */
export function articleBodyParagraphs(raw: string, headerLines: readonly string[] = []): string[] {
  const header = new Set(headerLines.map((l) => l.trim()));
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !isClutter(l) && !header.has(l));
}
