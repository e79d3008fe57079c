import assert from "node:assert/strict";
import { test } from "node:test";
import { type ExportedMark, type MarksExport, marksAsPlainText, marksAsWebAnnotations } from "./mark-export";

const created = new Date("2026-03-02T09:15:00.000Z");
const updated = new Date("2026-03-02T09:40:30.500Z");

function mark(overrides: Partial<ExportedMark> & Pick<ExportedMark, "id">): ExportedMark {
  return {
    tag: "claim",
    note: null,
    quote: { exact: "the next generation of Islamic State fighters", prefix: "helping to create ", suffix: "." },
    position: { start: 250, end: 295 },
    passageKey: "khalimov",
    passageTitle: "The colonel who joined the Islamic State",
    createdAt: created,
    updatedAt: updated,
    ...overrides,
  };
}

const lessonExport = (marks: ExportedMark[]): MarksExport => ({
  lessonTitle: "Tajikistan and the Islamic State",
  lessonUrl: "https://marginalia.example/lessons/tajikistan",
  passageUrl: (key) => `https://marginalia.example/lessons/tajikistan/passages/${key}`,
  creatorName: "Dilnoza Rahimova",
  marks,
});

const note = 'He says "helping", not "training".\nCompare paragraph 1.';

const marks: ExportedMark[] = [
  mark({ id: "0b6f2c1e-5c43-4f7e-9a53-3c2b8f6d1a01", note }),
  mark({
    id: "0b6f2c1e-5c43-4f7e-9a53-3c2b8f6d1a02",
    tag: "evidence",
    quote: { exact: "recruits found work in Russia", prefix: "Many of the ", suffix: " before they left" },
    position: null,
    passageKey: "recruits",
    passageTitle: "Where the recruits came from",
  }),
  mark({
    id: "0b6f2c1e-5c43-4f7e-9a53-3c2b8f6d1a03",
    tag: "question",
    quote: { exact: "the United States.\n\nExperts claim", prefix: "trained in ", suffix: " the US" },
    position: { start: 180, end: 213 },
  }),
];

test("marks become a Web Annotation collection, in the order given", () => {
  const collection = marksAsWebAnnotations(lessonExport(marks));
  assert.equal(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
  assert.equal(collection.type, "AnnotationCollection");
  assert.equal(collection.id, "https://marginalia.example/lessons/tajikistan#marks");
  assert.equal(collection.label, "Marks on Tajikistan and the Islamic State");
  assert.equal(collection.total, 3);
  assert.equal(collection.first?.type, "AnnotationPage");
  assert.equal(collection.first?.startIndex, 0);
  assert.deepEqual(
    collection.first?.items.map((item) => item.id),
    marks.map((m) => `urn:uuid:${m.id}`),
  );
});

test("a placed mark with a note is a comment with its tag, note and both selectors", () => {
  const [annotation] = marksAsWebAnnotations(lessonExport(marks)).first!.items;
  assert.deepEqual(annotation, {
    id: "urn:uuid:0b6f2c1e-5c43-4f7e-9a53-3c2b8f6d1a01",
    type: "Annotation",
    motivation: "commenting",
    creator: { type: "Person", name: "Dilnoza Rahimova" },
    created: "2026-03-02T09:15:00.000Z",
    modified: "2026-03-02T09:40:30.500Z",
    body: [
      { type: "TextualBody", purpose: "tagging", value: "Claim" },
      { type: "TextualBody", purpose: "commenting", value: note, format: "text/plain" },
    ],
    target: {
      source: "https://marginalia.example/lessons/tajikistan/passages/khalimov",
      selector: [
        { type: "TextPositionSelector", start: 250, end: 295 },
        {
          type: "TextQuoteSelector",
          exact: "the next generation of Islamic State fighters",
          prefix: "helping to create ",
          suffix: ".",
        },
      ],
    },
  });
});

test("an unplaced mark without a note is a highlight with its quote only", () => {
  const annotation = marksAsWebAnnotations(lessonExport(marks)).first!.items[1]!;
  assert.equal(annotation.motivation, "highlighting");
  assert.deepEqual(annotation.body, [{ type: "TextualBody", purpose: "tagging", value: "Evidence" }]);
  assert.equal(annotation.target.source, "https://marginalia.example/lessons/tajikistan/passages/recruits");
  assert.deepEqual(annotation.target.selector, [
    {
      type: "TextQuoteSelector",
      exact: "recruits found work in Russia",
      prefix: "Many of the ",
      suffix: " before they left",
    },
  ]);
});

test("a blank note counts as no note", () => {
  const [annotation] = marksAsWebAnnotations(lessonExport([mark({ id: "a", note: "  \n" })])).first!.items;
  assert.equal(annotation!.motivation, "highlighting");
  assert.equal(annotation!.body.length, 1);
  assert.ok(!marksAsPlainText(lessonExport([mark({ id: "a", note: "  \n" })])).includes("Note:"));
});

test("the collection survives JSON, notes with quotes and newlines included", () => {
  const collection = marksAsWebAnnotations(lessonExport(marks));
  const json = JSON.stringify(collection);
  assert.deepEqual(JSON.parse(json), collection);
  const parsed = JSON.parse(json);
  assert.equal(parsed.first.items[0].body[1].value, note);
  assert.equal(parsed.first.items[2].target.selector[1].exact, "the United States.\n\nExperts claim");
});

test("no marks is an empty collection without a page", () => {
  const collection = marksAsWebAnnotations(lessonExport([]));
  assert.equal(collection.total, 0);
  assert.equal("first" in collection, false);
});

test("the plain text groups marks by passage, in the order first seen", () => {
  const text = marksAsPlainText(lessonExport(marks));
  assert.equal(
    text,
    [
      "Marks on Tajikistan and the Islamic State",
      "By Dilnoza Rahimova",
      "https://marginalia.example/lessons/tajikistan",
      "",
      "The colonel who joined the Islamic State",
      "Claim: “the next generation of Islamic State fighters”",
      '  Note: He says "helping", not "training".',
      "        Compare paragraph 1.",
      "Question: “the United States. Experts claim”",
      "",
      "Where the recruits came from",
      "Evidence: “recruits found work in Russia” (could not be placed in the current text)",
      "",
    ].join("\n"),
  );
});

test("every plain-text line ends with a newline, even with Windows line breaks in a note", () => {
  const text = marksAsPlainText(lessonExport([mark({ id: "a", note: "First line\r\n\r\nThird line\r\n" })]));
  assert.ok(text.endsWith("\n"));
  assert.ok(!text.includes("\r"));
  assert.ok(text.endsWith("  Note: First line\n\n        Third line\n"));
});

test("no marks is said in the plain text", () => {
  assert.equal(
    marksAsPlainText(lessonExport([])),
    "Marks on Tajikistan and the Islamic State\nBy Dilnoza Rahimova\nhttps://marginalia.example/lessons/tajikistan\n\nNo marks yet.\n",
  );
});
