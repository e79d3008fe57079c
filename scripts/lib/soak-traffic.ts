/**
 * What the soak tests (`npm run soak`, on SQLite and with --cluster on PostgreSQL) send: seeded
 * random choices, each save a different valid answer, and the submit request captured from Chromium.
 */
import path from "node:path";
import { chromium } from "@playwright/test";
import { loadLessonFolder } from "@/content/load";
import type { QuestionContent } from "@/content/schema";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { captureSubmitLesson, contextWithCookie, type ActionRequest } from "./server-action-replay";

/** mulberry32: a small seeded generator, so a failing run's choices can be drawn again (SOAK_SEED). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SoakQuestion = QuestionContent & { passage: string };

/** A signed-in student of the soak: their session cookie and the class they work in. */
export type SoakStudent = { email: string; cookie: string; classId: string };

export type SoakLesson = {
  questions: SoakQuestion[];
  passagesWithQuestions: string[];
  /** The n-th save of a question: a different valid answer each time, so a stale one is told apart. */
  responseFor(q: SoakQuestion, n: number, who: string): AnswerResponse;
};

/** The lesson under `lessonsRoot` the students answer. */
export function loadSoakLesson(lessonsRoot: string, slug: string): SoakLesson {
  const loaded = loadLessonFolder(path.join(lessonsRoot, slug));
  if (!loaded.ok) throw new Error(`Lesson ${slug} did not load`);
  const { questions, article } = loaded.lesson.content;
  const sentencesOf = new Map(
    article.passages.map((p) => [p.id, p.paragraphs.flatMap((g) => g.sentences.map((s) => s.id))]),
  );
  return {
    questions,
    passagesWithQuestions: [...new Set(questions.map((q) => q.passage))],
    responseFor(q, n, who) {
      const pick = <T>(xs: readonly T[]) => xs[n % xs.length]!;
      switch (q.type) {
        case "single_choice":
          return { type: q.type, optionId: pick(q.options).id };
        case "multiple_select":
          return { type: q.type, optionIds: [pick(q.options).id] };
        case "short_answer":
          return { type: q.type, text: `${who} try ${n}` };
        case "evidence":
          return { type: q.type, sentenceIds: [pick(sentencesOf.get(q.passage) ?? [])] };
        case "open_response":
          return {
            type: q.type,
            text: `${who}, draft ${n}: the article leans on one source and I would want a second.`,
          };
      }
    },
  };
}

/**
 * For each session (a Cookie header), opens the lesson's summary page in Chromium and captures the
 * request its submit button makes (nothing is submitted). Students of one class post the same form,
 * so one capture serves a whole class.
 */
export async function captureSubmitRequests(
  base: string,
  lessonSlug: string,
  cookies: readonly string[],
): Promise<ActionRequest[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const captured: ActionRequest[] = [];
    for (const cookie of cookies) {
      const context = await contextWithCookie(browser, base, cookie);
      try {
        captured.push(await captureSubmitLesson(await context.newPage(), lessonSlug));
      } finally {
        await context.close();
      }
    }
    return captured;
  } finally {
    await browser.close();
  }
}
