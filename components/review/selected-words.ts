"use client";

/**
 * The words selected inside an answer's text (the element marked `data-answer-text` within
 * `box`), as offsets into that text and the words themselves; null when no words of it are selected.
 */
export function selectedWords(box: Element | null): { start: number; end: number; quote: string } | null {
  const sel = window.getSelection();
  const text = box?.querySelector("[data-answer-text]");
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !text) return null;
  const range = sel.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(text);
  before.setEnd(range.startContainer, range.startOffset);
  // Numbers of existing marks are not part of the answer's text.
  const strip = (r: Range) => {
    const div = document.createElement("div");
    div.append(r.cloneContents());
    for (const s of div.querySelectorAll("sup")) s.remove();
    return div.textContent ?? "";
  };
  const start = strip(before).length;
  const quote = strip(range);
  return quote.trim() ? { start, end: start + quote.length, quote } : null;
}
