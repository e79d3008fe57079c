/**
 * A lesson's questions as Moodle XML, the format Moodle's question bank imports with everything:
 * single choice and multiple select (multichoice) with keys and per-option feedback, short answers
 * with every accepted answer, evidence and open responses as essays with the rubric or the expected
 * sentences as grader information (shown to graders, never to students).
 */
import {
  bankQuestionName,
  essayPrompt,
  fractionPercent,
  graderNotes,
  type BankQuestion,
  type QuestionBank,
} from "./model";

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Text as Moodle's HTML editor holds it, escaped twice over: once as HTML, once as XML. */
const html = (s: string) => xmlEscape(`<p>${xmlEscape(s)}</p>`);
const htmlLines = (lines: string[]) => xmlEscape(lines.map((l) => `<p>${xmlEscape(l)}</p>`).join(""));
const text = (tag: string, body: string, format = "html") => `<${tag} format="${format}"><text>${body}</text></${tag}>`;

function answer(fraction: string, body: string, feedback: string, format = "html"): string {
  return `    <answer fraction="${fraction}" format="${format}"><text>${body}</text>${text("feedback", feedback)}</answer>`;
}

function common(q: BankQuestion, prompt: string): string[] {
  return [
    `    <name><text>${xmlEscape(bankQuestionName(q))}</text></name>`,
    `    ${text("questiontext", html(prompt))}`,
    `    ${text("generalfeedback", "")}`,
    `    <defaultgrade>${q.content.points}</defaultgrade>`,
    "    <penalty>0</penalty>",
    "    <hidden>0</hidden>",
    `    <idnumber>${xmlEscape(q.key)}</idnumber>`,
  ];
}

function question(q: BankQuestion): string {
  const c = q.content;
  switch (c.type) {
    case "single_choice":
    case "multiple_select": {
      const single = c.type === "single_choice";
      const weight = fractionPercent(single ? 1 : c.options.filter((o) => o.correct).length);
      return [
        `  <question type="multichoice">`,
        ...common(q, c.prompt),
        `    <single>${single}</single>`,
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        ...c.options.map((o) =>
          answer(o.correct ? weight : single ? "0" : `-${weight}`, html(o.text), html(o.explanation)),
        ),
        "  </question>",
      ].join("\n");
    }
    case "short_answer":
      return [
        `  <question type="shortanswer">`,
        ...common(q, c.prompt),
        "    <usecase>0</usecase>",
        ...c.acceptedAnswers.map((a) => answer("100", xmlEscape(a), html(c.explanation), "moodle_auto_format")),
        "  </question>",
      ].join("\n");
    case "evidence":
    case "open_response":
      return [
        `  <question type="essay">`,
        ...common(q, essayPrompt(q)),
        "    <responseformat>editor</responseformat>",
        "    <responserequired>1</responserequired>",
        "    <responsefieldlines>10</responsefieldlines>",
        "    <attachments>0</attachments>",
        "    <attachmentsrequired>0</attachmentsrequired>",
        `    ${text("graderinfo", htmlLines(graderNotes(q)))}`,
        `    ${text("responsetemplate", "")}`,
        "  </question>",
      ].join("\n");
  }
}

export function toMoodleXml(bank: QuestionBank): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    "<quiz>",
    // Moodle reads "/" in a category path as a level: a slash in the title is written twice.
    `  <question type="category"><category><text>$course$/top/Marginalia/${xmlEscape(bank.lessonTitle.replaceAll("/", "//"))}</text></category></question>`,
    ...bank.questions.map(question),
    "</quiz>",
    "",
  ].join("\n");
}
