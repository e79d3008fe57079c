/**
 * A question's short title for the review list: the start of its prompt, whole words only, at
 * most `max` characters, with "…" when cut. The full prompt heads the answers once chosen.
 */
export function shortTitle(prompt: string, max = 48): string {
  const text = prompt.replace(/\s+/g, " ").trim();
  const sentence = text.match(/^.*?[.?!:](?=\s|$)/)?.[0] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max + 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[\s,;:–—-]+$/, "");
  return `${atWord.length > 0 ? atWord : sentence.slice(0, max)}…`;
}
