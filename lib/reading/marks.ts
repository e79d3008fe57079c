/**
 * Students' marks on a passage, kept in the W3C Web Annotation model: a TextPositionSelector and a
 * TextQuoteSelector against the passage's plain text, so a mark survives edits to the passage the
 * way Hypothesis's annotations survive edits to a web page.
 */
import search from "approx-string-match";

export const markTags = ["claim", "evidence", "opinion", "question"] as const;
export type MarkTag = (typeof markTags)[number];
export const markTagLabel: Record<MarkTag, string> = {
  claim: "Claim",
  evidence: "Evidence",
  opinion: "Opinion",
  question: "Question",
};
/** What a mark's badge shows besides its colour and underline (WCAG 1.4.1). */
export const markTagSymbol: Record<MarkTag, string> = { claim: "C", evidence: "E", opinion: "O", question: "?" };

/** A passage body as stored: paragraphs of sentences. */
export type PassageBody = readonly { id: string; sentences: readonly { id: string; text: string }[] }[];
/** UTF-16 offsets into the passage's plain text, end exclusive. */
export type TextPosition = { start: number; end: number };
export type TextQuote = { exact: string; prefix: string; suffix: string };
export type PassageTextModel = {
  /** Sentences joined by " " within a paragraph, paragraphs joined by "\n\n". */
  text: string;
  /** Each sentence's span in `text`, in order. */
  sentences: { id: string; start: number; end: number }[];
  /** A short hash of `text`: a stored position is only trusted against the same version. */
  version: string;
};

export function passageTextModel(body: PassageBody): PassageTextModel {
  let text = "";
  const sentences: PassageTextModel["sentences"] = [];
  body.forEach((paragraph, p) => {
    if (p > 0) text += "\n\n";
    paragraph.sentences.forEach((sentence, s) => {
      if (s > 0) text += " ";
      sentences.push({ id: sentence.id, start: text.length, end: text.length + sentence.text.length });
      text += sentence.text;
    });
  });
  return { text, sentences, version: cyrb53Hex(text) };
}

/**
 * The plain text as a page shows it, from its sentences' spans alone: between two sentences of a
 * paragraph the model puts one space, between paragraphs two line breaks (passageTextModel).
 */
export function textFromSpans(spans: readonly { start: number; end: number; text: string }[]): string {
  let text = "";
  for (const span of spans) {
    const gap = span.start - text.length;
    text += (gap >= 2 ? "\n".repeat(gap) : " ".repeat(Math.max(0, gap))) + span.text;
  }
  return text;
}

/** cyrb53 (public domain): fast, well-mixed and pure JS, so the browser and the server agree. */
function cyrb53Hex(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** Whether start/end are integers with 0 <= start < end <= text.length. */
export function isValidPosition(text: string, position: TextPosition): boolean {
  const { start, end } = position;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The range without the spaces and line breaks at its ends; null when it is outside the text, only
 * space, or cuts a character in two (half an emoji would be stored as U+FFFD).
 */
export function trimmedPosition(text: string, position: TextPosition): TextPosition | null {
  if (!isValidPosition(text, position)) return null;
  let { start, end } = position;
  if (isHighSurrogate(text.charCodeAt(start - 1)) || isHighSurrogate(text.charCodeAt(end - 1))) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/**
 * The quote at `position` with up to `context` characters before and after, clipped to the text.
 * Throws a RangeError for an invalid position: callers validate input with isValidPosition first.
 */
export function quoteSelector(text: string, position: TextPosition, context = 32): TextQuote {
  if (!isValidPosition(text, position)) throw new RangeError(`Invalid text position ${JSON.stringify(position)}`);
  const width = Math.max(0, Math.floor(context));
  let prefixStart = Math.max(0, position.start - width);
  let suffixEnd = Math.min(text.length, position.end + width);
  // Never cut an emoji (a surrogate pair) in half: a lone surrogate turns into U+FFFD once stored as UTF-8.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    exact: text.slice(position.start, position.end),
    prefix: text.slice(prefixStart, position.start),
    suffix: text.slice(position.end, suffixEnd),
  };
}

/** Quotes shorter than this are only found verbatim: a few errors in a short word match half the text. */
const MIN_FUZZY_QUOTE_LENGTH = 8;
/**
 * A candidate must share the mark's surroundings (prefix and suffix similarity, 0 to 1): most of one
 * side, or half of both on average. Unrelated English scores about a third, so this rejects look-alikes
 * elsewhere, e.g. once the marked sentence is deleted: an orphaned mark is better than a misplaced one.
 */
const ONE_SIDE_CONTEXT = 0.75;
const BOTH_SIDES_CONTEXT = 0.5;
/** A verbatim quote this long is no coincidence, so it needs no surroundings (say, a sentence moved). */
const SELF_EVIDENT_QUOTE_LENGTH = 40;
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };

type Match = { start: number; end: number; errors: number };

/** 1 when `expected` occurs verbatim in `actual`, falling towards 0 with each edit needed. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const best = search(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

/** An empty stored side means the mark touched that edge of the text, so a candidate should too. */
function sideScore(actual: string, expected: string, atEdge: boolean): number {
  return expected === "" ? Number(atEdge) : similarity(actual, expected);
}

function exactMatches(text: string, quote: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Re-anchors a mark made on an older text in `text` (the new text), as Hypothesis's client does:
 * keep the position if it still holds the quote; otherwise find the quote, allowing a quarter of its
 * characters to differ, and pick the candidate whose quote, surroundings and place best agree with
 * the mark (Hypothesis's weights). Null when nothing credible is found: an orphaned mark is better
 * than one silently moved onto other words.
 */
export function reanchor(text: string, mark: { position: TextPosition; quote: TextQuote }): TextPosition | null {
  const { position, quote } = mark;
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return null;
  if (isValidPosition(text, position) && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end };
  }

  const maxErrors = exact.length < MIN_FUZZY_QUOTE_LENGTH ? 0 : Math.floor(exact.length * 0.25);
  const candidates = exactMatches(text, exact);
  if (maxErrors > 0) {
    // approx-string-match only reports the matches with the fewest errors, so an untouched copy of the
    // quote elsewhere would hide the edited quote in its old place. Searching with the surroundings
    // too finds that place; the quote is then looked for inside it.
    const withContext = prefix + exact + suffix;
    const regions = search(text, withContext, Math.floor(withContext.length * 0.25));
    // With a verbatim copy present, searching the whole text would only report that copy again.
    if (candidates.length === 0) regions.push({ start: 0, end: text.length, errors: 0 });
    for (const region of regions) {
      const inside = text.slice(region.start, region.end);
      for (const m of search(inside, exact, maxErrors)) {
        candidates.push({ start: region.start + m.start, end: region.start + m.end, errors: m.errors });
      }
    }
  }

  const noContext = prefix === "" && suffix === "";
  let best: { position: TextPosition; score: number } | null = null;
  for (const candidate of candidates) {
    const prefixScore = noContext
      ? 1
      : sideScore(
          text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
          prefix,
          candidate.start === 0,
        );
    const suffixScore = noContext
      ? 1
      : sideScore(text.slice(candidate.end, candidate.end + suffix.length), suffix, candidate.end === text.length);
    const contextAgrees =
      Math.max(prefixScore, suffixScore) >= ONE_SIDE_CONTEXT || (prefixScore + suffixScore) / 2 >= BOTH_SIDES_CONTEXT;
    if (!contextAgrees && !(candidate.errors === 0 && exact.length >= SELF_EVIDENT_QUOTE_LENGTH)) continue;
    const score =
      WEIGHT.quote * (1 - candidate.errors / exact.length) +
      WEIGHT.prefix * prefixScore +
      WEIGHT.suffix * suffixScore +
      WEIGHT.position * (1 - Math.abs(candidate.start - position.start) / Math.max(text.length, 1));
    if (!best || score > best.score) best = { position: { start: candidate.start, end: candidate.end }, score };
  }
  return best?.position ?? null;
}

/** Ids of the sentences a range overlaps (in text order). */
export function sentencesInRange(model: PassageTextModel, position: TextPosition): string[] {
  return model.sentences.filter((s) => s.start < position.end && s.end > position.start).map((s) => s.id);
}
