/**
 * A lesson's questions as an IMS QTI 1.2 package (a zip: imsmanifest.xml and one assessment), the
 * format Canvas imports most reliably. Canvas reads the question type and points from each item's
 * metadata; single choice, multiple select (all the right options and none of the wrong ones) and
 * short answer (any accepted answer) are scored by the item's response processing; evidence and
 * open responses are essays, with the rubric or the expected sentences as a rubric for scorers only.
 */
import { strToU8, zipSync } from "fflate";
import { bankQuestionName, essayPrompt, graderNotes, type BankQuestion, type QuestionBank } from "./model";
import { xmlEscape } from "./moodle-xml";

const RESPONSE = "response1";

const metadata = (fields: Record<string, string | number>) => [
  "      <itemmetadata><qtimetadata>",
  ...Object.entries(fields).map(
    ([label, entry]) =>
      `        <qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${xmlEscape(String(entry))}</fieldentry></qtimetadatafield>`,
  ),
  "      </qtimetadata></itemmetadata>",
];
const material = (s: string, type = "text/plain") =>
  `<material><mattext texttype="${type}">${xmlEscape(s)}</mattext></material>`;
const score = (conditions: string) =>
  `        <respcondition continue="No"><conditionvar>${conditions}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`;
const outcomes = '        <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>';
const textEntry = `<response_str ident="${RESPONSE}" rcardinality="Single"><render_fib><response_label ident="answer1" rshuffle="No"/></render_fib></response_str>`;

function item(q: BankQuestion, index: number): string {
  const c = q.content;
  const open = `    <item ident="${xmlEscape(`${q.key}-${index + 1}`)}" title="${xmlEscape(bankQuestionName(q))}">`;
  const common = { points_possible: c.points, original_answer_ids: "", assessment_question_identifierref: q.key };
  switch (c.type) {
    case "single_choice":
    case "multiple_select": {
      const single = c.type === "single_choice";
      const right = c.options
        .filter((o) => o.correct)
        .map((o) => `<varequal respident="${RESPONSE}">${xmlEscape(o.id)}</varequal>`);
      const wrong = c.options
        .filter((o) => !o.correct)
        .map((o) => `<not><varequal respident="${RESPONSE}">${xmlEscape(o.id)}</varequal></not>`);
      return [
        open,
        ...metadata({ question_type: single ? "multiple_choice_question" : "multiple_answers_question", ...common }),
        "      <presentation>",
        `        ${material(c.prompt)}`,
        `        <response_lid ident="${RESPONSE}" rcardinality="${single ? "Single" : "Multiple"}"><render_choice>`,
        ...c.options.map(
          (o) => `          <response_label ident="${xmlEscape(o.id)}">${material(o.text)}</response_label>`,
        ),
        "        </render_choice></response_lid>",
        "      </presentation>",
        "      <resprocessing>",
        outcomes,
        ...c.options.map(
          (o) =>
            `        <respcondition continue="Yes"><conditionvar><varequal respident="${RESPONSE}">${xmlEscape(o.id)}</varequal></conditionvar><displayfeedback feedbacktype="Response" linkrefid="${xmlEscape(o.id)}_fb"/></respcondition>`,
        ),
        score(single ? right[0]! : `<and>${[...right, ...wrong].join("")}</and>`),
        "      </resprocessing>",
        ...c.options.map(
          (o) =>
            `      <itemfeedback ident="${xmlEscape(o.id)}_fb"><flow_mat><material><mattext texttype="text/plain">${xmlEscape(o.explanation)}</mattext></material></flow_mat></itemfeedback>`,
        ),
        "    </item>",
      ].join("\n");
    }
    case "short_answer":
      return [
        open,
        ...metadata({ question_type: "short_answer_question", ...common }),
        "      <presentation>",
        `        ${material(c.prompt)}`,
        `        ${textEntry}`,
        "      </presentation>",
        "      <resprocessing>",
        outcomes,
        // Several varequal in one condition: any of them scores, as Canvas reads it.
        score(c.acceptedAnswers.map((a) => `<varequal respident="${RESPONSE}">${xmlEscape(a)}</varequal>`).join("")),
        "      </resprocessing>",
        `      <itemfeedback ident="general_fb"><flow_mat>${material(c.explanation)}</flow_mat></itemfeedback>`,
        "    </item>",
      ].join("\n");
    case "evidence":
    case "open_response":
      return [
        open,
        ...metadata({ question_type: "essay_question", ...common }),
        // For whoever scores it, not for the student (QTI 1.2's rubric views).
        `      <rubric view="Scorer">${material(graderNotes(q).join("\n"))}</rubric>`,
        "      <presentation>",
        `        ${material(essayPrompt(q))}`,
        `        ${textEntry}`,
        "      </presentation>",
        "      <resprocessing>",
        outcomes,
        '        <respcondition continue="No"><conditionvar><other/></conditionvar></respcondition>',
        "      </resprocessing>",
        "    </item>",
      ].join("\n");
  }
}

/** The assessment document: every question in lesson order, in one section. */
export function toQtiAssessment(bank: QuestionBank): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">',
    `  <assessment ident="${xmlEscape(bank.lessonSlug)}" title="${xmlEscape(bank.lessonTitle)}">`,
    '  <section ident="root_section">',
    ...bank.questions.map(item),
    "  </section>",
    "  </assessment>",
    "</questestinterop>",
    "",
  ].join("\n");
}

export const QTI_ASSESSMENT_FILE = "questions.xml";

export function qtiManifest(bank: QuestionBank): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xmlEscape(`marginalia-${bank.lessonSlug}`)}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">`,
    "  <metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>",
    "  <organizations/>",
    "  <resources>",
    `    <resource identifier="${xmlEscape(`${bank.lessonSlug}-questions`)}" type="imsqti_xmlv1p2">`,
    `      <file href="${QTI_ASSESSMENT_FILE}"/>`,
    "    </resource>",
    "  </resources>",
    "</manifest>",
    "",
  ].join("\n");
}

/** The package: imsmanifest.xml at the root, beside the assessment it names. */
export function toQtiPackage(bank: QuestionBank): Uint8Array {
  return zipSync({
    "imsmanifest.xml": strToU8(qtiManifest(bank)),
    [QTI_ASSESSMENT_FILE]: strToU8(toQtiAssessment(bank)),
  });
}
