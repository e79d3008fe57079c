/**
 * Between the rendered passage and its plain text (lib/reading/marks.ts): each sentence element
 * carries its span in the text (data-start, data-end), and only text outside [data-not-text]
 * (voice labels, toggles, definitions, mark badges) is the passage's words.
 */
import type { TextPosition } from "@/lib/reading/marks";

const SENTENCE = "[data-start][data-end]";

function sentencesOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(SENTENCE)];
}

function bounds(sentence: HTMLElement): TextPosition {
  return { start: Number(sentence.dataset.start), end: Number(sentence.dataset.end) };
}

/** The sentence's text nodes that are the passage's words, in order. */
function wordNodes(sentence: HTMLElement): Text[] {
  const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("[data-not-text]") && sentence.contains(node.parentElement.closest("[data-not-text]"))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Where a point of the page falls in the text; a point between sentences moves to the nearer side of the range. */
function offsetAt(root: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  const point = document.createRange();
  point.setStart(node, offset);
  const element = node instanceof Element ? node : node.parentElement;
  const sentence = element?.closest<HTMLElement>(SENTENCE);
  if (!sentence || !root.contains(sentence)) {
    const all = sentencesOf(root);
    if (edge === "start") {
      const next = all.find((s) => point.comparePoint(s, 0) >= 0);
      return next ? bounds(next).start : null;
    }
    const previous = all.findLast((s) => point.comparePoint(s, s.childNodes.length) <= 0);
    return previous ? bounds(previous).end : null;
  }
  let count = 0;
  for (const text of wordNodes(sentence)) {
    if (text === node) return bounds(sentence).start + count + offset;
    if (point.comparePoint(text, text.length) <= 0) count += text.length;
    else break;
  }
  return bounds(sentence).start + count;
}

/** The text range a selection covers in the passage, or null when it covers none of its words. */
export function selectionPosition(root: HTMLElement, range: Range): TextPosition | null {
  const start = offsetAt(root, range.startContainer, range.startOffset, "start");
  const end = offsetAt(root, range.endContainer, range.endOffset, "end");
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/** The page ranges that show a text range: one per text node it touches, so labels between are left out. */
export function domRanges(root: HTMLElement, position: TextPosition): Range[] {
  const ranges: Range[] = [];
  for (const sentence of sentencesOf(root)) {
    const span = bounds(sentence);
    if (span.end <= position.start || span.start >= position.end) continue;
    let at = span.start;
    for (const text of wordNodes(sentence)) {
      const from = Math.max(position.start, at);
      const to = Math.min(position.end, at + text.length);
      if (from < to) {
        const range = document.createRange();
        range.setStart(text, from - at);
        range.setEnd(text, to - at);
        ranges.push(range);
      }
      at += text.length;
    }
  }
  return ranges;
}

/** Each sentence of the passage as the page shows it (for "Mark a sentence"). */
export function pageSentences(root: HTMLElement): { start: number; end: number; text: string }[] {
  return sentencesOf(root).map((s) => ({
    ...bounds(s),
    text: wordNodes(s)
      .map((t) => t.data)
      .join(""),
  }));
}
