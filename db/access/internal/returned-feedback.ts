/**
 * Returned feedback as students were given it, and the answer texts it describes. Internal to
 * db/access: these take ids the caller has already been allowed to read and do not check an
 * actor, so pages never import them (a lint rule keeps it so).
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "../../client";
import { answers, feedback, feedbackHistory, lessons, passages, questionVersions } from "../../schema";
import type { QuestionContent } from "@/content/schema";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { type InlineComment } from "@/lib/inline-comments";
import { questionContent } from "../question-content";
import { ReviewState } from "../review";

export function stateOf(f: { returnedAt: Date | null; updatedAt: Date } | null): ReviewState {
  if (!f) return "needs-review";
  return f.returnedAt && f.returnedAt >= f.updatedAt ? "returned" : "draft";
}

export type ReturnedVersion = typeof feedbackHistory.$inferSelect;

/**
 * The latest returned version of each feedback, by feedback id, in one query. What a student was
 * given is this version, whatever drafts have been saved since. Callers pass ids they may read.
 */
export async function latestReturned(feedbackIds: readonly string[]): Promise<Map<string, ReturnedVersion>> {
  const latest = new Map<string, ReturnedVersion>();
  if (feedbackIds.length === 0) return latest;
  const rows = await getDb()
    .select()
    .from(feedbackHistory)
    .where(inArray(feedbackHistory.feedbackId, [...feedbackIds]))
    .orderBy(desc(feedbackHistory.returnedAt));
  for (const h of rows) if (!latest.has(h.feedbackId)) latest.set(h.feedbackId, h);
  return latest;
}

/** Rubric points per criterion, as the criterion's name and the level's label. */
export function rubricLevelsOf(
  question: QuestionContent,
  levels: Record<string, number>,
): { name: string; level: string; points: number }[] {
  if (question.type !== "open_response") return [];
  return question.rubric.flatMap((c) => {
    const level = c.levels.find((l) => l.points === levels[c.id]);
    return level ? [{ name: c.name, level: level.label, points: level.points }] : [];
  });
}

export type ReturnedFeedback = {
  points: number | null;
  comment: string;
  overrideReason: string | null;
  inlineComments: InlineComment[];
  rubric: { name: string; level: string; points: number }[];
  returnedAt: Date;
  /** Not yet opened by the student (new since they last looked at their feedback). */
  unread: boolean;
};

/**
 * The feedback returned on an attempt's answers, by question id, as last returned. Internal to
 * the data layer: callers have already established that the attempt is the actor's own.
 */
export async function returnedFeedbackForAttempt(
  attemptId: string,
  onlyQuestionIds?: string[],
): Promise<Map<string, ReturnedFeedback>> {
  const db = getDb();
  const rows = await db
    .select({
      feedbackId: feedback.id,
      questionId: answers.questionId,
      hash: questionVersions.contentHash,
      unread: feedback.unreadByStudent,
    })
    .from(feedback)
    .innerJoin(answers, and(eq(answers.id, feedback.answerId), eq(answers.attemptId, attemptId)))
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, answers.questionId), eq(questionVersions.version, answers.questionVersion)),
    )
    .where(
      and(isNotNull(feedback.returnedAt), onlyQuestionIds ? inArray(answers.questionId, onlyQuestionIds) : undefined),
    );
  const result = new Map<string, ReturnedFeedback>();
  const latest = await latestReturned(rows.map((r) => r.feedbackId));
  for (const r of rows) {
    const h = latest.get(r.feedbackId);
    if (!h) continue;
    const rubric = rubricLevelsOf(await questionContent(getDb(), r.hash), h.snapshot.rubricLevels);
    result.set(r.questionId, {
      points: h.snapshot.points,
      comment: h.snapshot.comment,
      overrideReason: h.snapshot.overrideReason,
      inlineComments: h.snapshot.inlineComments ?? [],
      rubric,
      returnedAt: h.returnedAt,
      unread: r.unread,
    });
  }
  return result;
}

/** An answer as a person reads it: the chosen options' words, the selected sentences, the text. */
export function describeResponse(
  q: QuestionContent,
  response: AnswerResponse,
  sentenceText: ReadonlyMap<string, string> = new Map(),
): string {
  switch (response.type) {
    case "single_choice":
      return q.type === "single_choice" ? (q.options.find((o) => o.id === response.optionId)?.text ?? "") : "";
    case "multiple_select":
      return q.type === "multiple_select"
        ? q.options
            .filter((o) => response.optionIds.includes(o.id))
            .map((o) => o.text)
            .join(" · ")
        : "";
    case "evidence":
      return response.sentenceIds.map((id) => `“${sentenceText.get(id) ?? id}”`).join(" ");
    case "short_answer":
    case "open_response":
      return response.text;
  }
}

/** The current passages' paragraphs of a lesson, in order: the text a whole-article question is read against. */
export async function articleBodies(lessonSlug: string) {
  return (
    await getDb()
      .select({ body: passages.body })
      .from(passages)
      .innerJoin(lessons, eq(lessons.id, passages.lessonId))
      .where(and(eq(lessons.slug, lessonSlug), isNull(passages.retiredAt)))
      .orderBy(asc(passages.position))
  ).map((p) => p.body);
}
