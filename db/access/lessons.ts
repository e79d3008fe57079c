/**
 * Reading lessons. Lesson content is a public library (PRODUCT.md: lessons can be read without
 * an account), so these reads are open to every actor and take none; anything per user
 * (answers, progress, discussion) lives in its own module and checks its actor there.
 * Pages built from these functions are prerendered at build time.
 */
import "server-only";
import type { AttributionMode } from "@/lib/lesson/voices";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { glossaryTerms, lessons, passages, questions, questionVersions, voices } from "../schema";
import { questionSchema, type ParagraphContent, type VoiceContent } from "@/content/schema";
import { toPublicQuestion, type PublicQuestion } from "@/lib/lesson/public-question";
import { readingMinutes } from "@/lib/text";

export type LessonCard = {
  slug: string;
  title: string;
  summary: string;
  outlet: string;
  author: string;
  readingMinutes: number;
  passageCount: number;
  questionCount: number;
  ageNotice: string | null;
};

/** Current (not retired) questions per lesson id. */
export async function countQuestionsByLesson(): Promise<Map<string, number>> {
  return new Map(
    (
      await getDb()
        .select({ lessonId: questions.lessonId, n: count() })
        .from(questions)
        .where(isNull(questions.retiredAt))
        .groupBy(questions.lessonId)
    ).map((r) => [r.lessonId, r.n]),
  );
}

export async function listLessons(): Promise<LessonCard[]> {
  const db = getDb();
  const passageCounts = new Map(
    (
      await db
        .select({ lessonId: passages.lessonId, n: count() })
        .from(passages)
        .where(isNull(passages.retiredAt))
        .groupBy(passages.lessonId)
    ).map((r) => [r.lessonId, r.n]),
  );
  const questionCounts = await countQuestionsByLesson();
  const rows = await db.select().from(lessons).orderBy(asc(lessons.title));
  return rows.map((l) => ({
    slug: l.slug,
    title: l.title,
    summary: l.summary,
    readingMinutes: l.readingMinutes,
    passageCount: passageCounts.get(l.id) ?? 0,
    questionCount: questionCounts.get(l.id) ?? 0,
    outlet: l.source.outlet,
    author: l.source.author,
    ageNotice: l.ageNotice?.notice ?? null,
  }));
}

export type VoiceView = {
  key: string;
  name: string;
  kind: string;
  role: string;
  affiliation: string;
  stake: string;
  appearances: { sentenceId: string; mode: AttributionMode; passageKey: string; text: string }[];
};

export type LessonOverview = {
  slug: string;
  title: string;
  standfirst: string | null;
  summary: string;
  source: { outlet: string; author: string; url?: string; published?: string; photoCredit?: string };
  ageNotice: { notice: string; meaning: string; checkBeforeRelying: string[] } | null;
  objectives: string[];
  readingMinutes: number;
  wordCount: number;
  passages: { key: string; title: string; position: number; readingMinutes: number; questionCount: number }[];
  voices: VoiceView[];
};

async function findLesson(slug: string) {
  return (await getDb().select().from(lessons).where(eq(lessons.slug, slug)).limit(1))[0];
}

async function currentPassages(lessonId: string) {
  return await getDb()
    .select()
    .from(passages)
    .where(and(eq(passages.lessonId, lessonId), isNull(passages.retiredAt)))
    .orderBy(asc(passages.position));
}

export async function getLessonOverview(slug: string): Promise<LessonOverview | null> {
  const lesson = await findLesson(slug);
  if (!lesson) return null;
  const db = getDb();
  const passageRows = await currentPassages(lesson.id);
  const questionCounts = new Map(
    (
      await db
        .select({ passageId: questions.passageId, count: count() })
        .from(questions)
        .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)))
        .groupBy(questions.passageId)
    ).map((r) => [r.passageId, r.count]),
  );
  const voiceRows = await db.select().from(voices).where(eq(voices.lessonId, lesson.id)).orderBy(asc(voices.position));

  return {
    slug: lesson.slug,
    title: lesson.title,
    standfirst: lesson.standfirst,
    summary: lesson.summary,
    source: lesson.source,
    ageNotice: lesson.ageNotice ?? null,
    objectives: lesson.objectives,
    readingMinutes: lesson.readingMinutes,
    wordCount: lesson.wordCount,
    passages: passageRows.map((p) => ({
      key: p.key,
      title: p.title,
      position: p.position,
      readingMinutes: readingMinutes(p.wordCount),
      questionCount: questionCounts.get(p.id) ?? 0,
    })),
    voices: voiceRows.map((v) => toVoiceView(v, passageRows)),
  };
}

function toVoiceView(
  v: typeof voices.$inferSelect,
  passageRows: { key: string; body: ParagraphContent[] }[],
): VoiceView {
  const where = new Map<string, { passageKey: string; text: string }>();
  for (const p of passageRows) {
    for (const g of p.body) for (const s of g.sentences) where.set(s.id, { passageKey: p.key, text: s.text });
  }
  return {
    key: v.key,
    name: v.name,
    kind: v.kind,
    role: v.role,
    affiliation: v.affiliation,
    stake: v.stake,
    appearances: v.appearances.flatMap((a) => {
      const found = where.get(a.sentence);
      return found ? [{ sentenceId: a.sentence, mode: a.mode, ...found }] : [];
    }),
  };
}

export type ArticlePassage = { key: string; title: string; sentences: { id: string; text: string }[] };

export type PassagePage = {
  lesson: { slug: string; title: string; passageCount: number };
  passage: { key: string; title: string; position: number; body: ParagraphContent[]; discussionPrompts: string[] };
  previous: { key: string; title: string } | null;
  next: { key: string; title: string } | null;
  questions: PublicQuestion[];
  /** The whole article's sentences by passage, only when a question here may cite any of them. */
  article: ArticlePassage[] | null;
  glossary: { key: string; term: string; aliases: string[]; category: string; definition: string }[];
  /** Voices that speak in this passage, with only their appearances here. */
  voices: { key: string; name: string; role: string; position: number; appearances: VoiceContent["appearances"] }[];
};

export async function getPassagePage(slug: string, passageKey: string): Promise<PassagePage | null> {
  const lesson = await findLesson(slug);
  if (!lesson) return null;
  const db = getDb();
  const all = await currentPassages(lesson.id);
  const index = all.findIndex((p) => p.key === passageKey);
  const passage = all[index];
  if (!passage) return null;

  const questionRows = await db
    .select({ content: questionVersions.content })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.version)),
    )
    .where(and(eq(questions.passageId, passage.id), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));

  // Stored versions were validated on import; parsing again keeps the page honest if a row was edited by hand.
  const publicQuestions = questionRows.map((r) => toPublicQuestion(questionSchema.parse(r.content)));
  const sentenceIds = new Set(passage.body.flatMap((g) => g.sentences.map((s) => s.id)));
  const voiceRows = await db.select().from(voices).where(eq(voices.lessonId, lesson.id)).orderBy(asc(voices.position));
  const glossaryRows = await db
    .select()
    .from(glossaryTerms)
    .where(eq(glossaryTerms.lessonId, lesson.id))
    .orderBy(asc(glossaryTerms.position));
  const neighbour = (p: (typeof all)[number] | undefined) => (p ? { key: p.key, title: p.title } : null);

  return {
    lesson: { slug: lesson.slug, title: lesson.title, passageCount: all.length },
    passage: {
      key: passage.key,
      title: passage.title,
      position: index,
      body: passage.body,
      discussionPrompts: passage.discussionPrompts,
    },
    previous: neighbour(all[index - 1]),
    next: neighbour(all[index + 1]),
    questions: publicQuestions,
    article: publicQuestions.some(
      (q) => (q.type === "evidence" || q.type === "open_response") && q.citationScope === "lesson",
    )
      ? all.map((p) => ({
          key: p.key,
          title: p.title,
          sentences: p.body.flatMap((g) => g.sentences.map((s) => ({ id: s.id, text: s.text }))),
        }))
      : null,
    glossary: glossaryRows.map((t) => ({
      key: t.key,
      term: t.term,
      aliases: t.aliases,
      category: t.category,
      definition: t.definition,
    })),
    voices: voiceRows
      .map((v) => ({
        key: v.key,
        name: v.name,
        role: v.role,
        position: v.position,
        appearances: v.appearances.filter((a) => sentenceIds.has(a.sentence)),
      }))
      .filter((v) => v.appearances.length > 0),
  };
}

/** Every lesson and passage, for prerendering at build time. */
export async function listPassageRoutes(): Promise<{ slug: string; passage: string }[]> {
  return await getDb()
    .select({ slug: lessons.slug, passage: passages.key })
    .from(passages)
    .innerJoin(lessons, eq(lessons.id, passages.lessonId))
    .where(isNull(passages.retiredAt))
    .orderBy(asc(lessons.slug), asc(passages.position));
}
