/**
 * Class statistics from submitted answers: share correct per question, option counts for choice
 * questions, average rubric levels, completion over time. Pure: data in, data out.
 */
import type { QuestionContent } from "@/content/schema";
import type { AnswerResponse } from "@/lib/answers/response-shape";

export type InsightAnswer = {
  questionKey: string;
  response: AnswerResponse;
  autoScore: number | null;
  rubricLevels: Record<string, number> | null;
};

export type QuestionInsight = {
  key: string;
  label: string;
  prompt: string;
  type: QuestionContent["type"];
  answered: number;
  /** Share of answers with full points (auto-graded questions only). */
  shareCorrect: number | null;
  options: { id: string; text: string; correct: boolean; count: number }[];
  criteria: { id: string; name: string; average: number | null; max: number; reviewed: number }[];
};

export function questionInsights(
  questions: readonly { key: string; content: QuestionContent }[],
  answers: readonly InsightAnswer[],
): QuestionInsight[] {
  return questions.map(({ key, content: q }, i) => {
    const mine = answers.filter((a) => a.questionKey === key);
    const auto = q.type !== "open_response";
    const full = mine.filter((a) => a.autoScore !== null && a.autoScore >= q.points).length;
    const options =
      q.type === "single_choice" || q.type === "multiple_select"
        ? q.options.map((o) => ({
            id: o.id,
            text: o.text,
            correct: o.correct,
            count: mine.filter((a) =>
              a.response.type === "single_choice"
                ? a.response.optionId === o.id
                : a.response.type === "multiple_select" && a.response.optionIds.includes(o.id),
            ).length,
          }))
        : [];
    const criteria =
      q.type === "open_response"
        ? q.rubric.map((c) => {
            const levels = mine.map((a) => a.rubricLevels?.[c.id]).filter((x): x is number => x !== undefined);
            return {
              id: c.id,
              name: c.name,
              average: levels.length
                ? Math.round((levels.reduce((s, x) => s + x, 0) / levels.length) * 100) / 100
                : null,
              max: Math.max(...c.levels.map((l) => l.points)),
              reviewed: levels.length,
            };
          })
        : [];
    return {
      key,
      label: `Q${i + 1}`,
      prompt: q.prompt,
      type: q.type,
      answered: mine.length,
      shareCorrect: auto && mine.length ? full / mine.length : null,
      options,
      criteria,
    };
  });
}

/** Auto-graded questions, most often wrong first (the ones to teach again). */
export function mostOftenWrong(insights: readonly QuestionInsight[]): QuestionInsight[] {
  return insights
    .filter((q) => q.shareCorrect !== null)
    .sort((a, b) => a.shareCorrect! - b.shareCorrect! || a.label.localeCompare(b.label));
}

/** Submissions per day and the running total, from the first submission to the last. */
export function completionOverTime(submittedAt: readonly Date[]): { day: string; count: number; cumulative: number }[] {
  const days = new Map<string, number>();
  for (const d of submittedAt) {
    const day = d.toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  let cumulative = 0;
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, count]) => {
      cumulative += count;
      return { day, count, cumulative };
    });
}
