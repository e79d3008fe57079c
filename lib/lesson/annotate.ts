/**
 * Prepares a passage's text for display: marks glossary terms and records whose words each
 * sentence carries. Runs when a page is prerendered, never in the browser.
 */
import type { ParagraphContent } from "@/content/schema";
import { wholeWordPattern } from "@/lib/text";

export type Segment = { text: string; termKey?: string };
export type AnnotatedSentence = { id: string; segments: Segment[]; voiceKeys: string[] };
export type AnnotatedParagraph = { id: string; sentences: AnnotatedSentence[] };

type TermForms = { key: string; term: string; aliases: readonly string[] };
type VoiceSentences = { key: string; appearances: readonly { sentence: string }[] };

/**
 * Marks the first occurrence of each glossary term in the passage (whole words, exact case,
 * longest form first); later occurrences stay plain so the text does not turn into a sea of links.
 */
export function annotatePassage(
  paragraphs: readonly ParagraphContent[],
  terms: readonly TermForms[],
  voices: readonly VoiceSentences[],
): AnnotatedParagraph[] {
  const termOfForm = new Map<string, string>();
  for (const t of terms)
    for (const form of [t.term, ...t.aliases]) if (!termOfForm.has(form)) termOfForm.set(form, t.key);
  const pattern = termOfForm.size > 0 ? wholeWordPattern([...termOfForm.keys()]) : null;

  const voicesOfSentence = new Map<string, string[]>();
  for (const v of voices) {
    for (const a of v.appearances)
      voicesOfSentence.set(a.sentence, [...(voicesOfSentence.get(a.sentence) ?? []), v.key]);
  }

  const marked = new Set<string>();
  return paragraphs.map((paragraph) => ({
    id: paragraph.id,
    sentences: paragraph.sentences.map((sentence) => ({
      id: sentence.id,
      segments: pattern ? markTerms(sentence.text, pattern, termOfForm, marked) : [{ text: sentence.text }],
      voiceKeys: voicesOfSentence.get(sentence.id) ?? [],
    })),
  }));
}

function markTerms(text: string, pattern: RegExp, termOfForm: Map<string, string>, marked: Set<string>): Segment[] {
  const segments: Segment[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(pattern)) {
    const termKey = termOfForm.get(match[0])!;
    if (marked.has(termKey)) continue;
    marked.add(termKey);
    if (match.index > plainFrom) segments.push({ text: text.slice(plainFrom, match.index) });
    segments.push({ text: match[0], termKey });
    plainFrom = match.index + match[0].length;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
  return segments;
}
