import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseGift } from "gift-pegjs";
import { questionSchema } from "@/content/schema";
import { toGift } from "./gift";
import { toMoodleXml } from "./moodle-xml";
import { toQtiPackage } from "./qti";
import { strFromU8, unzipSync } from "fflate";
import type { BankQuestion, QuestionBank } from "./model";

const tricky = "Which of {these} is true: a = b ~ c # d? <b>&amp;</b> \\ “quoted”";
const base = { passage: "two-sides", kind: "comprehension" as const, points: 2 };
const sentences = new Map([
  ["s1", "Shop owners disagree."],
  ["s2", "The council voted 5 to 4."],
]);
const q = (label: string, content: unknown): BankQuestion => ({
  key: (content as { id: string }).id,
  label,
  passageTitle: "Two sides",
  content: questionSchema.parse(content),
  sentences,
});
const bank: QuestionBank = {
  lessonSlug: "bike-lane-vote",
  lessonTitle: "Bike lanes / the vote",
  questions: [
    q("Q1", {
      ...base,
      id: "single",
      type: "single_choice",
      prompt: tricky,
      options: [
        { id: "a", text: "Yes {really}", correct: true, explanation: "Right: see #2." },
        { id: "b", text: "No ~ never", correct: false, explanation: "It says = 5." },
      ],
    }),
    q("Q2", {
      ...base,
      id: "multi",
      type: "multiple_select",
      prompt: "Which two are sources?",
      options: [
        { id: "a", text: "The mayor", correct: true, explanation: "Quoted." },
        { id: "b", text: "Shop owners", correct: true, explanation: "Paraphrased." },
        { id: "c", text: "The weather", correct: false, explanation: "Not a source." },
      ],
    }),
    q("Q3", {
      ...base,
      id: "short",
      type: "short_answer",
      prompt: "How many voted for it?",
      acceptedAnswers: ["5", "five"],
      explanation: "5 to 4.",
    }),
    q("Q4", {
      ...base,
      id: "evidence",
      type: "evidence",
      prompt: "Which sentence shows the vote was close?",
      keySentences: ["s2"],
      explanation: "One vote decided it.",
    }),
    q("Q5", {
      ...base,
      id: "open",
      kind: "critical",
      type: "open_response",
      prompt: "Is the report fair?",
      exemplar: "Both sides are quoted.",
      rubric: [
        {
          id: "evidence",
          name: "Evidence",
          levels: [
            { points: 0, label: "None", description: "No quote." },
            { points: 2, label: "Strong", description: "Quotes the text." },
          ],
        },
      ],
    }),
  ],
};

test("GIFT parses with an independent parser, special characters escaped and read back whole", () => {
  const parsed = parseGift(toGift(bank)) as {
    type: string;
    title: string | null;
    stem: { text: string };
    choices?: { isCorrect: boolean; weight: number | null; text: { text: string } }[];
  }[];
  const questions = parsed.filter((x) => x.type !== "Category");
  assert.deepEqual(
    questions.map((x) => x.type),
    ["MC", "MC", "Short", "Essay", "Essay"],
  );
  assert.equal(questions[0]!.title, "Q1 · Two sides");
  assert.equal(questions[0]!.stem.text, tricky.replace(/\s+/g, " "));
  assert.deepEqual(
    questions[0]!.choices!.map((c) => [c.isCorrect, c.text.text]),
    [
      [true, "Yes {really}"],
      [false, "No ~ never"],
    ],
  );
  assert.deepEqual(
    questions[1]!.choices!.map((c) => c.weight),
    [50, 50, -50],
  );
  assert.deepEqual(
    questions[2]!.choices!.map((c) => c.text.text),
    ["5", "five"],
  );
  assert.match(questions[3]!.stem.text, /Quote the sentences of “Two sides”/);
});

test("GIFT carries the rubric and the expected sentences as comments, for the teacher who imports it", () => {
  const gift = toGift(bank);
  assert.match(gift, /\/\/ Evidence: 0 None \(No quote\.\); 2 Strong \(Quotes the text\.\)/);
  assert.match(gift, /\/\/ “The council voted 5 to 4\.”/);
});

type Xml = Record<string, unknown>;
const xml = () =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => name === "question" || name === "answer",
  }).parse(toMoodleXml(bank)) as { quiz: { question: Xml[] } };

test("Moodle XML is well formed and has what Moodle's importer reads for each type", () => {
  assert.equal(XMLValidator.validate(toMoodleXml(bank)), true);
  const [category, ...questions] = xml().quiz.question;
  assert.equal(category!["@type"], "category");
  assert.equal((category!.category as Xml).text, "$course$/top/Marginalia/Bike lanes // the vote");
  assert.deepEqual(
    questions.map((x) => x["@type"]),
    ["multichoice", "multichoice", "shortanswer", "essay", "essay"],
  );
  for (const x of questions) {
    for (const field of ["name", "questiontext", "defaultgrade", "idnumber"])
      assert.ok(field in x, `${field} is there`);
    assert.equal(x.defaultgrade, 2);
  }
  const [single, multi, short, evidence, open] = questions as Xml[];
  assert.equal(single!.single, true);
  assert.equal(
    (single!.questiontext as Xml).text,
    `<p>${tricky.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")}</p>`,
  );
  const fractions = (x: Xml) => (x.answer as Xml[]).map((a) => a["@fraction"]);
  assert.deepEqual(fractions(single!), ["100", "0"]);
  assert.equal(multi!.single, false);
  assert.deepEqual(fractions(multi!), ["50", "50", "-50"]);
  assert.deepEqual(
    (short!.answer as Xml[]).map((a) => a.text),
    [5, "five"],
  );
  assert.match(String((evidence!.graderinfo as Xml).text), /The council voted 5 to 4\./);
  assert.match(String((open!.graderinfo as Xml).text), /Evidence: 0 None \(No quote\.\); 2 Strong/);
  assert.match(String((open!.graderinfo as Xml).text), /Exemplar: Both sides are quoted\./);
});

test("the QTI 1.2 package is a zip whose manifest names the assessment, both well formed, one item per question", () => {
  const files = unzipSync(toQtiPackage(bank));
  assert.deepEqual(Object.keys(files).sort(), ["imsmanifest.xml", "questions.xml"]);
  const manifestXml = strFromU8(files["imsmanifest.xml"]!);
  const assessmentXml = strFromU8(files["questions.xml"]!);
  assert.equal(XMLValidator.validate(manifestXml), true);
  assert.equal(XMLValidator.validate(assessmentXml), true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ["item", "qtimetadatafield", "response_label", "varequal", "resource", "file"].includes(name),
  });
  const manifest = parser.parse(manifestXml).manifest;
  const resource = manifest.resources.resource[0];
  assert.equal(resource["@type"], "imsqti_xmlv1p2");
  assert.equal(resource.file[0]["@href"], "questions.xml");

  const items = parser.parse(assessmentXml).questestinterop.assessment.section.item as Xml[];
  const meta = (x: Xml) =>
    Object.fromEntries(
      (
        (x.itemmetadata as Xml).qtimetadata as { qtimetadatafield: { fieldlabel: string; fieldentry: unknown }[] }
      ).qtimetadatafield.map((f) => [f.fieldlabel, f.fieldentry]),
    );
  assert.deepEqual(
    items.map((x) => meta(x).question_type),
    [
      "multiple_choice_question",
      "multiple_answers_question",
      "short_answer_question",
      "essay_question",
      "essay_question",
    ],
  );
  assert.deepEqual(
    items.map((x) => meta(x).points_possible),
    [2, 2, 2, 2, 2],
  );
  const presentation = (x: Xml) => x.presentation as Xml;
  assert.equal(((presentation(items[0]!).material as Xml).mattext as Xml)["#text"], tricky);
  // Multiple select scores when every right option and no wrong one is chosen.
  const multiScore = JSON.stringify((items[1]!.resprocessing as Xml).respcondition);
  assert.match(multiScore, /"and":\{"varequal":\[.*"#text":"a".*"#text":"b"/);
  assert.match(multiScore, /"not"/);
  // The rubric is for scorers, not students.
  assert.equal((items[4]!.rubric as Xml)["@view"], "Scorer");
  assert.match(
    String((((items[4]!.rubric as Xml).material as Xml).mattext as Xml)["#text"]),
    /Exemplar: Both sides are quoted\./,
  );
});
