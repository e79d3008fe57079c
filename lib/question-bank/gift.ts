/**
 * A lesson's questions in GIFT, Moodle's plain-text question format: single choice and multiple
 * select with their keys and feedback, short answers with every accepted answer, evidence and open
 * responses as essay questions (GIFT has no grader information: the rubric goes in comments above).
 */
import { normaliseWhitespace } from "@/lib/text";
import { bankQuestionName, essayPrompt, fractionPercent, graderNotes, type QuestionBank } from "./model";

/** GIFT's special characters, each escaped with a backslash wherever text goes. */
export function giftEscape(s: string): string {
  return normaliseWhitespace(s).replace(/[~=#{}:\\]/g, (c) => `\\${c}`);
}

const comment = (line: string) => `// ${normaliseWhitespace(line)}`;

export function toGift(bank: QuestionBank): string {
  const blocks = [
    [
      comment(`${bank.lessonTitle}: questions exported from Marginalia.`),
      `$CATEGORY: Marginalia/${bank.lessonSlug}`,
    ].join("\n"),
  ];
  for (const q of bank.questions) {
    const c = q.content;
    const head = `::${giftEscape(bankQuestionName(q))}::`;
    const lines = [comment(`${c.kind === "critical" ? "Critical thinking" : "Comprehension"}, ${c.points} points.`)];
    switch (c.type) {
      case "single_choice":
        lines.push(
          `${head}${giftEscape(c.prompt)} {`,
          ...c.options.map((o) => `\t${o.correct ? "=" : "~"}${giftEscape(o.text)}#${giftEscape(o.explanation)}`),
          "}",
        );
        break;
      case "multiple_select": {
        const weight = fractionPercent(c.options.filter((o) => o.correct).length);
        lines.push(
          `${head}${giftEscape(c.prompt)} {`,
          ...c.options.map(
            (o) => `\t~%${o.correct ? "" : "-"}${weight}%${giftEscape(o.text)}#${giftEscape(o.explanation)}`,
          ),
          "}",
        );
        break;
      }
      case "short_answer":
        lines.push(
          `${head}${giftEscape(c.prompt)} {`,
          ...c.acceptedAnswers.map((a) => `\t=${giftEscape(a)}#${giftEscape(c.explanation)}`),
          "}",
        );
        break;
      case "evidence":
      case "open_response":
        lines.push(...graderNotes(q).map(comment), `${head}${giftEscape(essayPrompt(q))} {}`);
        break;
    }
    blocks.push(lines.join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
