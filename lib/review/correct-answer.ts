import type { QuestionContent } from "@/content/schema";

/**
 * What the right answer was, to show the instructor beside an automatically graded answer that
 * did not get full marks: the correct option(s), the accepted answers, the key sentences. Null
 * for a right answer, an open response (scored with its rubric) or one not graded yet.
 */
export function correctAnswerFor(
  q: QuestionContent,
  autoScore: number | null,
  sentenceText: ReadonlyMap<string, string> = new Map(),
): string | null {
  if (autoScore === null || autoScore >= q.points) return null;
  switch (q.type) {
    case "single_choice":
    case "multiple_select":
      return q.options
        .filter((o) => o.correct)
        .map((o) => o.text)
        .join(" · ");
    case "short_answer":
      return q.acceptedAnswers.join(" / ");
    case "evidence":
      return q.keySentences.map((id) => `“${sentenceText.get(id) ?? id}”`).join(" ");
    case "open_response":
      return null;
  }
}
