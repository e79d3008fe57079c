import { normaliseWhitespace, truncateAtWord } from "@/lib/text";

/**
 * A question's short title for the review list: the start of its prompt, whole words only, at
 * most `max` characters, with "…" when cut. The full prompt heads the answers once chosen.
 */
export function shortTitle(prompt: string, max = 48): string {
  const text = normaliseWhitespace(prompt);
  return truncateAtWord(text.match(/^.*?[.?!:](?=\s|$)/)?.[0] ?? text, max);
}
