/**
 * A reader's marks on the text: highlights tagged Claim, Evidence, Opinion or Question, each with
 * an optional private note. Only their writer reads or changes them; an instructor sees, for a
 * class, how many students tagged each sentence, with no names and no notes.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction, type DbOrTx, type Tx } from "../transaction";
import { enrollments, marks, passages } from "../schema";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  passageTextModel,
  quoteSelector,
  reanchor,
  trimmedPosition,
  type MarkTag,
  type PassageBody,
  type PassageTextModel,
  type TextPosition,
  type TextQuote,
} from "@/lib/reading/marks";
import { countBySentence, MIN_CLASS_FOR_MARKS, type TagCounts } from "@/lib/reading/class-marks";
import { lessonStructure, type StructurePassage } from "./lesson-structure";
import { loadClassLesson } from "./gradebook";
import { cachedForClass } from "./internal/class-cache";

/** Enough for any close reading; a bound on what one account can store per passage. */
export const MARKS_PER_PASSAGE = 300;

export type MyMark = {
  id: string;
  tag: MarkTag;
  note: string | null;
  /** Null when an edit of the text left nowhere to place it: listed with its quote and note. */
  position: TextPosition | null;
  quote: TextQuote;
  /** The text version the position counts in: a page showing another version must not paint it. */
  textVersion: string;
  updatedAt: string;
};

type MarkRow = typeof marks.$inferSelect;

function toMyMark(row: MarkRow): MyMark {
  return {
    id: row.id,
    tag: row.tag,
    note: row.note,
    position:
      row.startOffset === null || row.endOffset === null ? null : { start: row.startOffset, end: row.endOffset },
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    textVersion: row.textVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Placed marks in text order, then those that could not be placed. */
function inTextOrder(a: MyMark, b: MyMark): number {
  if (!a.position || !b.position) return (a.position ? 0 : 1) - (b.position ? 0 : 1);
  return a.position.start - b.position.start || a.position.end - b.position.end;
}

function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in to mark the text.");
  return actor;
}

async function currentPassage(db: DbOrTx, lessonSlug: string, passageKey: string): Promise<StructurePassage> {
  const passage = (await lessonStructure(db, lessonSlug)).passagesByKey.get(passageKey);
  if (!passage) throw new NotFoundError("Passage not found.");
  return passage;
}

/** The reader's own marks on one passage (for the workspace). */
export async function listMyMarks(
  actor: Actor | null,
  input: { lessonSlug: string; passageKey: string },
): Promise<MyMark[]> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const passage = await currentPassage(db, input.lessonSlug, input.passageKey);
  const rows = await db
    .select()
    .from(marks)
    .where(and(eq(marks.userId, a.userId), eq(marks.passageId, passage.id)));
  return rows.map(toMyMark).sort(inTextOrder);
}

export type NewMark = {
  lessonSlug: string;
  passageKey: string;
  /** The text version the page showed. */
  textVersion: string;
  start: number;
  end: number;
  tag: MarkTag;
  note?: string | null;
  /** The words as the page showed them: a page older than the last import has its mark placed by them. */
  quote?: TextQuote;
};

const PASSAGE_CHANGED = "The passage has changed since this page was loaded. Reload it, then mark the words again.";

export async function createMark(actor: Actor | null, input: NewMark, now = new Date()): Promise<MyMark> {
  const a = requireSignedIn(actor);
  const db = getDb();
  return await inTransaction(db, async (tx) => {
    // Read inside the transaction, so an import cannot change the text between placing and saving.
    const passage = await currentPassage(tx, input.lessonSlug, input.passageKey);
    const { model } = passage;
    const position = placeNewMark(model, input);
    const held = (
      await tx
        .select({ n: count() })
        .from(marks)
        .where(and(eq(marks.userId, a.userId), eq(marks.passageId, passage.id)))
    )[0]!.n;
    if (held >= MARKS_PER_PASSAGE)
      throw new DomainError(`A passage holds up to ${MARKS_PER_PASSAGE} marks. Delete some before adding more.`);
    const row: MarkRow = {
      id: randomUUID(),
      userId: a.userId,
      passageId: passage.id,
      tag: input.tag,
      note: input.note?.trim() || null,
      startOffset: position.start,
      endOffset: position.end,
      ...quoteSelector(model.text, position),
      textVersion: model.version,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(marks).values(row);
    return toMyMark(row);
  });
}

/**
 * Where a new mark goes in the current text: where the page said, or, when the page showed an older
 * text (an import since it was built), where its words are now.
 */
function placeNewMark(model: PassageTextModel, input: NewMark): TextPosition {
  const asked = { start: input.start, end: input.end };
  if (input.textVersion !== model.version) {
    const placed = input.quote ? reanchor(model.text, { position: asked, quote: input.quote }) : null;
    if (!placed) throw new DomainError(PASSAGE_CHANGED);
    return placed;
  }
  const position = trimmedPosition(model.text, asked);
  if (!position) throw new DomainError("Select some words of the passage to mark.", "start");
  return position;
}

/** Changes a mark's tag or note (the writer's only). */
export async function updateMark(
  actor: Actor | null,
  input: { id: string; tag?: MarkTag; note?: string | null },
  now = new Date(),
): Promise<MyMark> {
  const a = requireSignedIn(actor);
  const db = getDb();
  return await inTransaction(db, async (tx) => {
    const row = await ownMark(tx, a, input.id);
    const changes = {
      ...(input.tag !== undefined ? { tag: input.tag } : {}),
      ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
      updatedAt: now,
    };
    await tx.update(marks).set(changes).where(eq(marks.id, row.id));
    return toMyMark({ ...row, ...changes });
  });
}

export async function deleteMark(actor: Actor | null, id: string): Promise<{ deleted: string }> {
  const a = requireSignedIn(actor);
  const db = getDb();
  await inTransaction(db, async (tx) => {
    const row = await ownMark(tx, a, id);
    await tx.delete(marks).where(eq(marks.id, row.id));
  });
  return { deleted: id };
}

/** Someone else's mark is "not found", like one that does not exist: an id reveals nothing. */
async function ownMark(tx: Tx, actor: Actor, id: string): Promise<MarkRow> {
  const row = (await tx.select().from(marks).where(eq(marks.id, id)).limit(1))[0];
  if (!row || row.userId !== actor.userId)
    throw new NotFoundError("That mark was not found. It may have been deleted.");
  return row;
}

export type LessonMarks = {
  lesson: { slug: string; title: string };
  marks: (MyMark & { passageKey: string; passageTitle: string; createdAt: string })[];
};

/** All the reader's marks on a lesson, passage by passage in text order (for the download). */
export async function exportMyMarks(actor: Actor | null, lessonSlug: string): Promise<LessonMarks> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const lesson = await lessonStructure(db, lessonSlug);
  const passageIds = [...lesson.passagesById.keys()];
  const rows =
    passageIds.length === 0
      ? []
      : await db
          .select({ mark: marks, position: passages.position })
          .from(marks)
          .innerJoin(passages, eq(passages.id, marks.passageId))
          .where(and(eq(marks.userId, a.userId), inArray(marks.passageId, passageIds)));
  return {
    lesson: { slug: lesson.slug, title: lesson.title },
    marks: rows
      .map((r) => {
        const passage = lesson.passagesById.get(r.mark.passageId)!;
        return {
          ...toMyMark(r.mark),
          passageKey: passage.key,
          passageTitle: passage.title,
          createdAt: r.mark.createdAt.toISOString(),
          passagePosition: r.position,
        };
      })
      .sort((a, b) => a.passagePosition - b.passagePosition || inTextOrder(a, b))
      .map(({ passagePosition: _, ...mark }) => mark),
  };
}

export type SentenceTagCounts = TagCounts;
export type ClassMarks = {
  /** Students in the class now: the counts are of them only. */
  enrolled: number;
  /** Too few students for counts to stay anonymous (MIN_CLASS_FOR_MARKS): none are given. */
  tooSmall: boolean;
  /** Each marked sentence's count of students who tagged words in it, by tag (sentence ids are unique in a lesson). */
  bySentence: Record<string, TagCounts>;
  /** The passages someone marked, in lesson order, with their sentences. */
  passages: { key: string; title: string; sentences: { id: string; text: string }[] }[];
};

/** How many of a class's students tagged each sentence of a lesson, by tag: no names, no notes. */
export async function getClassMarks(actor: Actor | null, classId: string, lessonSlug: string): Promise<ClassMarks> {
  const { lesson } = await loadClassLesson(actor, classId, lessonSlug);
  if (!lesson) throw new NotFoundError("That lesson is not assigned in this class.");
  // Kept while the class is unchanged: mark, enrolment and passage writes raise its version (migration class_versions_marks).
  return await cachedForClass(classId, `marks:${lessonSlug}`, () => classMarksOf(classId, lessonSlug));
}

async function classMarksOf(classId: string, lessonSlug: string): Promise<ClassMarks> {
  const db = getDb();
  const structure = await lessonStructure(db, lessonSlug);
  const enrolled = (
    await db.select({ n: count() }).from(enrollments).where(eq(enrollments.classId, classId)).limit(1)
  )[0]!.n;
  const current = [...structure.passagesByKey.values()];
  if (enrolled < MIN_CLASS_FOR_MARKS) return { enrolled, tooSmall: true, bySentence: {}, passages: [] };
  const rows =
    current.length === 0
      ? []
      : await db
          .select({
            userId: marks.userId,
            passageId: marks.passageId,
            tag: marks.tag,
            start: marks.startOffset,
            end: marks.endOffset,
          })
          .from(marks)
          .innerJoin(enrollments, and(eq(enrollments.classId, classId), eq(enrollments.studentId, marks.userId)))
          .where(
            inArray(
              marks.passageId,
              current.map((p) => p.id),
            ),
          );
  const bySentence = countBySentence(structure.passagesById, rows);
  return {
    enrolled,
    tooSmall: false,
    bySentence,
    passages: current
      .filter((p) => p.sentences.some((s) => bySentence[s.id]))
      .map((p) => ({ key: p.key, title: p.title, sentences: p.sentences })),
  };
}

export type ReanchorReport = { kept: number; moved: number; unplaced: number };

/**
 * After an import changed a passage's text: every mark made on an older text is placed again by
 * its position, else by its quote (lib/reading/marks.ts), or kept unplaced with its quote and
 * note. Runs inside the import's transaction, so the text and its marks change together.
 */
export async function reanchorPassageMarks(tx: Tx, passageId: string, body: PassageBody): Promise<ReanchorReport> {
  const model: PassageTextModel = passageTextModel(body);
  const report: ReanchorReport = { kept: 0, moved: 0, unplaced: 0 };
  const rows = await tx.select().from(marks).where(eq(marks.passageId, passageId));
  for (const row of rows) {
    if (row.textVersion === model.version && row.startOffset !== null) continue;
    const quote = { exact: row.exact, prefix: row.prefix, suffix: row.suffix };
    const old = { start: row.startOffset ?? 0, end: row.endOffset ?? row.exact.length };
    const placed = reanchor(model.text, { position: old, quote });
    if (!placed) {
      report.unplaced++;
      // Keeps the old version and quote, so a later import that restores the words places it again.
      if (row.startOffset !== null)
        await tx.update(marks).set({ startOffset: null, endOffset: null }).where(eq(marks.id, row.id));
      continue;
    }
    if (placed.start === row.startOffset && placed.end === row.endOffset) report.kept++;
    else report.moved++;
    await tx
      .update(marks)
      .set({
        startOffset: placed.start,
        endOffset: placed.end,
        ...quoteSelector(model.text, placed),
        textVersion: model.version,
      })
      .where(eq(marks.id, row.id));
  }
  return report;
}
