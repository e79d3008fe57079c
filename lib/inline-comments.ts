/**
 * Comments attached to words of a student's answer, by character offsets into its text. The
 * quoted words are kept too, so a comment whose words no longer match is never shown on the
 * wrong ones.
 */
export type InlineComment = { start: number; end: number; quote: string; text: string };

export type AnnotatedSegment = { text: string; comment?: number };

/** Comments that still fit the text, in reading order, without overlaps (the earlier one wins). */
export function validInlineComments(text: string, comments: readonly InlineComment[]): InlineComment[] {
  const fitting = comments
    .filter(
      (c) =>
        Number.isInteger(c.start) &&
        Number.isInteger(c.end) &&
        c.start >= 0 &&
        c.end > c.start &&
        c.end <= text.length &&
        text.slice(c.start, c.end) === c.quote,
    )
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: InlineComment[] = [];
  for (const c of fitting) if (!kept.length || c.start >= kept[kept.length - 1]!.end) kept.push(c);
  return kept;
}

/** The text cut into plain runs and commented runs (numbered by their place in `comments`). */
export function segmentText(text: string, comments: readonly InlineComment[]): AnnotatedSegment[] {
  const segments: AnnotatedSegment[] = [];
  let at = 0;
  comments.forEach((c, i) => {
    if (c.start > at) segments.push({ text: text.slice(at, c.start) });
    segments.push({ text: text.slice(c.start, c.end), comment: i });
    at = c.end;
  });
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
