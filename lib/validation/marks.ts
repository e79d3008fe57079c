/** Request schemas for a reader's marks. Which words a position names, and whose a mark is, are checked in the data layer. */
import { z } from "zod";
import { markTags } from "@/lib/reading/marks";
import { reference } from "./reference";
import { isStorableText, UNREADABLE_TEXT } from "./text";

export const MARK_NOTE_MAX_CHARS = 2000;

const tag = z.enum(markTags, { error: "Choose Claim, Evidence, Opinion or Question." });
const note = z
  .string()
  .max(MARK_NOTE_MAX_CHARS, { error: `Keep a note to ${MARK_NOTE_MAX_CHARS.toLocaleString("en")} characters.` })
  .refine(isStorableText, { error: UNREADABLE_TEXT })
  .nullable();
// Offsets into a passage's text: whole numbers, well inside what any passage holds.
const offset = z.int({ error: "Select some words of the passage to mark." }).min(0).max(1_000_000);

// The words as the page showed them, to place the mark by if the text changed since (lib/reading/marks.ts).
const quoteText = (max: number) => z.string().max(max).refine(isStorableText, { error: UNREADABLE_TEXT });
const quote = z.strictObject({ exact: quoteText(100_000).min(1), prefix: quoteText(64), suffix: quoteText(64) });

export const newMarkSchema = z
  .strictObject({
    lessonSlug: reference,
    passageKey: reference,
    textVersion: reference,
    start: offset,
    end: offset,
    tag,
    note: note.optional(),
    quote: quote.optional(),
  })
  .refine((m) => m.start < m.end, { error: "Select some words of the passage to mark.", path: ["start"] });

export const markChangeSchema = z
  .strictObject({ id: reference, tag: tag.optional(), note: note.optional() })
  .refine((m) => m.tag !== undefined || m.note !== undefined, { error: "Change the tag or the note." });

export const markRefSchema = z.strictObject({ id: reference });

export const marksExportSchema = z.strictObject({
  lesson: reference,
  format: z.enum(["jsonld", "text"], { error: "Choose JSON-LD or plain text." }),
});
