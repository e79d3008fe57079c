/**
 * A student's marks on a lesson as a download: W3C Web Annotations (JSON-LD) that annotation tools
 * can read, and plain text a student can read.
 */
import { type MarkTag, markTagLabel, type TextPosition, type TextQuote } from "./marks";

export type ExportedMark = {
  /** A UUID. */
  id: string;
  tag: MarkTag;
  note: string | null;
  quote: TextQuote;
  /** Null when the mark could not be placed in the current text. */
  position: TextPosition | null;
  passageKey: string;
  passageTitle: string;
  createdAt: Date;
  updatedAt: Date;
};

export type MarksExport = {
  lessonTitle: string;
  lessonUrl: string;
  passageUrl: (passageKey: string) => string;
  creatorName: string;
  marks: ExportedMark[];
};

type TextualBody = { type: "TextualBody"; purpose: "tagging" | "commenting"; value: string; format?: "text/plain" };
type Selector =
  | { type: "TextPositionSelector"; start: number; end: number }
  | { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };

export type WebAnnotation = {
  id: string;
  type: "Annotation";
  motivation: "commenting" | "highlighting";
  creator: { type: "Person"; name: string };
  created: string;
  modified: string;
  body: TextualBody[];
  target: { source: string; selector: Selector[] };
};

export type WebAnnotationCollection = {
  "@context": "http://www.w3.org/ns/anno.jsonld";
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  /** Absent when there are no marks: an AnnotationPage must hold at least one annotation. */
  first?: { type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
};

/** A W3C Web Annotation AnnotationCollection (JSON-LD), one annotation per mark in the order given. */
export function marksAsWebAnnotations(input: MarksExport): WebAnnotationCollection {
  const creator = { type: "Person", name: input.creatorName } as const;
  const items = input.marks.map((mark): WebAnnotation => {
    const body: TextualBody[] = [{ type: "TextualBody", purpose: "tagging", value: markTagLabel[mark.tag] }];
    if (hasNote(mark)) {
      body.push({ type: "TextualBody", purpose: "commenting", value: mark.note, format: "text/plain" });
    }
    const selector: Selector[] = [];
    // A position is only worth giving when it points at the quote in the current text.
    if (mark.position) {
      selector.push({ type: "TextPositionSelector", start: mark.position.start, end: mark.position.end });
    }
    const { exact, prefix, suffix } = mark.quote;
    selector.push({ type: "TextQuoteSelector", exact, prefix, suffix });
    return {
      id: `urn:uuid:${mark.id}`,
      type: "Annotation",
      motivation: hasNote(mark) ? "commenting" : "highlighting",
      creator,
      created: mark.createdAt.toISOString(),
      modified: mark.updatedAt.toISOString(),
      body,
      target: { source: input.passageUrl(mark.passageKey), selector },
    };
  });
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${input.lessonUrl}#marks`,
    type: "AnnotationCollection",
    label: `Marks on ${input.lessonTitle}`,
    total: items.length,
    ...(items.length > 0 ? { first: { type: "AnnotationPage", startIndex: 0, items } } : {}),
  };
}

/** A blank note is no note: an empty comment would only clutter both files. */
function hasNote(mark: ExportedMark): mark is ExportedMark & { note: string } {
  return mark.note !== null && mark.note.trim() !== "";
}

/** Marks grouped by passage (in first-seen order), each as `Claim: “quote”` with its note below. */
export function marksAsPlainText(input: MarksExport): string {
  const lines = [`Marks on ${input.lessonTitle}`, `By ${input.creatorName}`, input.lessonUrl];
  const byPassage = new Map<string, ExportedMark[]>();
  for (const mark of input.marks) {
    const group = byPassage.get(mark.passageKey);
    if (group) group.push(mark);
    else byPassage.set(mark.passageKey, [mark]);
  }
  if (byPassage.size === 0) lines.push("", "No marks yet.");
  for (const marks of byPassage.values()) {
    lines.push("", marks[0]!.passageTitle);
    for (const mark of marks) {
      // A quote across paragraphs would otherwise break the one-line-per-mark layout.
      const quote = mark.quote.exact.replace(/\s+/g, " ").trim();
      const unplaced = mark.position ? "" : " (could not be placed in the current text)";
      lines.push(`${markTagLabel[mark.tag]}: “${quote}”${unplaced}`);
      if (hasNote(mark)) {
        // Later lines of a note are indented under its first, so they read as part of it.
        const [first, ...rest] = mark.note.trim().split(/\r\n|\r|\n/);
        lines.push(`  Note: ${first}`, ...rest.map((line) => (line.trim() === "" ? "" : `        ${line}`)));
      }
    }
  }
  return lines.map((line) => `${line}\n`).join("");
}
