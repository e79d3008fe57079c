import assert from "node:assert/strict";
import { test } from "node:test";
import {
  isValidPosition,
  markTagLabel,
  markTags,
  type PassageBody,
  passageTextModel,
  quoteSelector,
  reanchor,
  sentencesInRange,
  textFromSpans,
  type TextPosition,
  trimmedPosition,
} from "./marks";

const article: PassageBody = [
  {
    id: "p1",
    sentences: [
      { id: "s1", text: "Gulmurod Khalimov once commanded Tajikistan's special police." },
      { id: "s2", text: "In 2015 he appeared in a video announcing that he had joined the Islamic State." },
      { id: "s3", text: "Officials in Dushanbe said he had been trained in the United States." },
    ],
  },
  {
    id: "p2",
    sentences: [
      { id: "s4", text: "Experts claim the US is helping to create the next generation of Islamic State fighters." },
      { id: "s5", text: "Others say poverty, not training, pushes young Tajiks towards the group." },
      { id: "s6", text: "Many of the recruits found work in Rusia before they left for Syria." },
    ],
  },
  {
    id: "p3",
    sentences: [
      { id: "s7", text: "The government has since closed mosques and banned beards." },
      { id: "s8", text: "Critics warn that the crackdown may push more young Tajiks towards the group." },
    ],
  },
];

/** The article with one sentence's text replaced (or the sentence dropped, with null). */
function edited(changes: Record<string, string | null>): PassageBody {
  return article.map((p) => ({
    id: p.id,
    sentences: p.sentences.flatMap((s) => {
      const change = changes[s.id];
      if (change === null) return [];
      return [{ id: s.id, text: change ?? s.text }];
    }),
  }));
}

/** A mark on the `occurrence`-th copy of `words` in the original article. */
function markOn(words: string, occurrence = 0) {
  const { text } = passageTextModel(article);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(words, start + 1);
  assert.notEqual(start, -1, `"${words}" is not in the article`);
  const position = { start, end: start + words.length };
  return { position, quote: quoteSelector(text, position) };
}

/** The span of the `occurrence`-th copy of `words` in `text`. */
function spanOf(text: string, words: string, occurrence = 0): TextPosition {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(words, start + 1);
  assert.notEqual(start, -1, `"${words}" is not in the text`);
  return { start, end: start + words.length };
}

test("every tag has a label", () => {
  assert.deepEqual(
    markTags.map((tag) => markTagLabel[tag]),
    ["Claim", "Evidence", "Opinion", "Question"],
  );
});

test("the plain text joins sentences with a space and paragraphs with a blank line", () => {
  const model = passageTextModel(article);
  assert.ok(model.text.startsWith("Gulmurod Khalimov once commanded Tajikistan's special police. In 2015"));
  assert.ok(model.text.includes("the United States.\n\nExperts claim"));
  assert.equal(model.text.split("\n\n").length, 3);
  assert.deepEqual(
    model.sentences.map((s) => s.id),
    ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"],
  );
  const texts = article.flatMap((p) => p.sentences.map((s) => s.text));
  model.sentences.forEach((s, i) => {
    assert.equal(model.text.slice(s.start, s.end), texts[i]);
  });
});

test("the text version is stable for the same text and changes with any edit", () => {
  const version = passageTextModel(article).version;
  assert.match(version, /^[0-9a-f]{14}$/);
  assert.equal(passageTextModel(structuredClone(article) as PassageBody).version, version);
  assert.notEqual(
    passageTextModel(edited({ s6: "Many of the recruits found work in Russia before they left for Syria." })).version,
    version,
  );
  // The same sentences split into different paragraphs are a different text.
  const merged: PassageBody = [{ id: "p1", sentences: article.flatMap((p) => p.sentences) }];
  assert.notEqual(passageTextModel(merged).version, version);
});

test("an empty body is an empty text", () => {
  const model = passageTextModel([]);
  assert.equal(model.text, "");
  assert.deepEqual(model.sentences, []);
  assert.equal(passageTextModel([{ id: "p1", sentences: [] }]).text, "");
});

test("the quote selector keeps up to 32 characters either side, clipped to the text", () => {
  const text = "Experts claim the US is helping to create the next generation.";
  assert.deepEqual(quoteSelector(text, { start: 0, end: 7 }), {
    exact: "Experts",
    prefix: "",
    suffix: " claim the US is helping to crea",
  });
  const end = spanOf(text, "generation.");
  assert.deepEqual(quoteSelector(text, end), {
    exact: "generation.",
    prefix: "S is helping to create the next ",
    suffix: "",
  });
  assert.deepEqual(quoteSelector(text, { start: 8, end: 13 }, 4), { exact: "claim", prefix: "rts ", suffix: " the" });
  assert.deepEqual(quoteSelector(text, { start: 0, end: text.length }), { exact: text, prefix: "", suffix: "" });
});

test("the quote selector never splits an emoji in its context", () => {
  const text = "a🙂bc marked de🙂f";
  const position = spanOf(text, "marked");
  const quote = quoteSelector(text, position, 3);
  assert.deepEqual(quote, { exact: "marked", prefix: "bc ", suffix: " de" });
  const wider = quoteSelector(text, position, 5);
  assert.deepEqual(wider, { exact: "marked", prefix: "🙂bc ", suffix: " de🙂" });
  const cut = quoteSelector(text, position, 4);
  assert.deepEqual(cut, { exact: "marked", prefix: "bc ", suffix: " de" });
});

test("the quote selector refuses an invalid position", () => {
  assert.throws(() => quoteSelector("short", { start: 2, end: 9 }), RangeError);
});

test("a position is valid only as integers inside the text with start before end", () => {
  const text = "Tajikistan";
  assert.ok(isValidPosition(text, { start: 0, end: 10 }));
  assert.ok(isValidPosition(text, { start: 9, end: 10 }));
  assert.ok(!isValidPosition(text, { start: -1, end: 3 }));
  assert.ok(!isValidPosition(text, { start: Number.NaN, end: 3 }));
  assert.ok(!isValidPosition(text, { start: 0, end: Number.POSITIVE_INFINITY }));
  assert.ok(!isValidPosition(text, { start: 0.5, end: 3 }));
  assert.ok(!isValidPosition(text, { start: 3, end: 3 }));
  assert.ok(!isValidPosition(text, { start: 4, end: 3 }));
  assert.ok(!isValidPosition(text, { start: 0, end: 11 }));
  assert.ok(!isValidPosition("", { start: 0, end: 0 }));
});

test("a range names the sentences it overlaps, not those it only touches", () => {
  const model = passageTextModel(article);
  const s1 = model.sentences[0]!;
  const s2 = model.sentences[1]!;
  const s3 = model.sentences[2]!;
  const s4 = model.sentences[3]!;
  assert.deepEqual(sentencesInRange(model, { start: s2.start, end: s2.end }), ["s2"]);
  assert.deepEqual(sentencesInRange(model, { start: s1.start, end: s2.start }), ["s1"]);
  assert.deepEqual(sentencesInRange(model, { start: s1.end, end: s2.start + 1 }), ["s2"]);
  assert.deepEqual(sentencesInRange(model, { start: s2.end - 1, end: s4.start + 1 }), ["s2", "s3", "s4"]);
  // Only the blank line between paragraphs.
  assert.deepEqual(sentencesInRange(model, { start: s3.end, end: s4.start }), []);
});

test("a mark on unchanged text keeps its position", () => {
  const mark = markOn("the next generation of Islamic State fighters");
  assert.deepEqual(reanchor(passageTextModel(article).text, mark), mark.position);
});

test("words inserted before a mark shift it", () => {
  const mark = markOn("the next generation of Islamic State fighters");
  const text = passageTextModel(
    edited({ s1: "Gulmurod Khalimov, a former colonel, once commanded Tajikistan's special police." }),
  ).text;
  const position = reanchor(text, mark);
  assert.deepEqual(position, spanOf(text, "the next generation of Islamic State fighters"));
  assert.equal(position!.start, mark.position.start + ", a former colonel,".length);
});

test("words inserted inside a mark are covered by its new position", () => {
  const mark = markOn("the next generation of Islamic State fighters");
  const text = passageTextModel(
    edited({ s4: "Experts claim the US is helping to create the next generation of violent Islamic State fighters." }),
  ).text;
  assert.deepEqual(reanchor(text, mark), spanOf(text, "the next generation of violent Islamic State fighters"));
});

test("words inserted after a mark leave it in place", () => {
  const mark = markOn("the next generation of Islamic State fighters");
  const text = passageTextModel(
    edited({
      s4: "Experts claim the US is helping to create the next generation of Islamic State fighters, a claim Washington rejects.",
      s7: "The government has since closed hundreds of mosques and banned beards.",
    }),
  ).text;
  assert.deepEqual(reanchor(text, mark), mark.position);
});

test("a sentence removed before a mark shifts it back", () => {
  const mark = markOn("pushes young Tajiks towards the group");
  const text = passageTextModel(edited({ s2: null })).text;
  const position = reanchor(text, mark);
  assert.deepEqual(position, spanOf(text, "pushes young Tajiks towards the group"));
  assert.ok(position!.start < mark.position.start);
});

test("a mark whose sentence was removed is not placed elsewhere", () => {
  const mark = markOn("the next generation of Islamic State fighters");
  assert.equal(reanchor(passageTextModel(edited({ s4: null })).text, mark), null);
  // Its words survive in another sentence, with other surroundings: still not this mark.
  const repeated = markOn("young Tajiks towards the group", 0);
  assert.equal(reanchor(passageTextModel(edited({ s5: null })).text, repeated), null);
  // The whole sentence, whose neighbours now sit side by side.
  const sentence = markOn("Others say poverty, not training, pushes young Tajiks towards the group.");
  assert.equal(reanchor(passageTextModel(edited({ s5: null })).text, sentence), null);
});

test("a repeated quote is told apart by its surroundings", () => {
  const second = markOn("young Tajiks towards the group", 1);
  const first = markOn("young Tajiks towards the group", 0);
  const text = passageTextModel(edited({ s3: null })).text;
  assert.deepEqual(reanchor(text, second), spanOf(text, "young Tajiks towards the group", 1));
  assert.deepEqual(reanchor(text, first), spanOf(text, "young Tajiks towards the group", 0));
});

test("a typo corrected inside a mark is followed", () => {
  const mark = markOn("found work in Rusia before they left");
  const text = passageTextModel(
    edited({ s6: "Many of the recruits found work in Russia before they left for Syria." }),
  ).text;
  assert.deepEqual(reanchor(text, mark), spanOf(text, "found work in Russia before they left"));
});

test("a quote edited in place is found there even when its old words survive elsewhere", () => {
  const mark = markOn("young Tajiks towards the group", 1);
  const text = passageTextModel(
    edited({ s8: "Critics warn that the crackdown may push more young Tajik men towards the group." }),
  ).text;
  assert.deepEqual(reanchor(text, mark), spanOf(text, "young Tajik men towards the group"));
});

test("a mark at an edge of the text follows it when a sentence is added there", () => {
  const first = markOn("Gulmurod Khalimov once commanded");
  const last = markOn("young Tajiks towards the group.", 1);
  assert.equal(first.quote.prefix, "");
  assert.equal(last.quote.suffix, "");
  const text = passageTextModel([
    { id: "p0", sentences: [{ id: "s0", text: "Dushanbe, Tajikistan." }] },
    ...edited({ s8: `${article[2]!.sentences[1]!.text} The ministry did not reply.` }),
  ]).text;
  assert.deepEqual(reanchor(text, first), spanOf(text, "Gulmurod Khalimov once commanded"));
  assert.deepEqual(reanchor(text, last), spanOf(text, "young Tajiks towards the group.", 1));
});

test("a whole sentence moved elsewhere is followed, however its surroundings changed", () => {
  const mark = markOn("Officials in Dushanbe said he had been trained in the United States.");
  const moved: PassageBody = [
    ...edited({ s3: null }),
    {
      id: "p4",
      sentences: [{ id: "s3", text: "Officials in Dushanbe said he had been trained in the United States." }],
    },
  ];
  const text = passageTextModel(moved).text;
  assert.deepEqual(reanchor(text, mark), spanOf(text, mark.quote.exact));
});

test("a mark stored without context is placed by its quote alone", () => {
  const text = passageTextModel(edited({ s1: null })).text;
  const mark = { position: { start: 400, end: 413 }, quote: { exact: "banned beards", prefix: "", suffix: "" } };
  assert.deepEqual(reanchor(text, mark), spanOf(text, "banned beards"));
});

test("a short quote is only found verbatim", () => {
  const mark = markOn("Rusia");
  const text = passageTextModel(
    edited({ s6: "Many of the recruits found work in Russia before they left for Syria." }),
  ).text;
  assert.equal(reanchor(text, mark), null);
});

test("a stored position that no longer fits the text falls back to the quote", () => {
  const mark = markOn("banned beards");
  const shortened = "The government has since closed mosques and banned beards.";
  assert.deepEqual(reanchor(shortened, mark), spanOf(shortened, "banned beards"));
  assert.equal(reanchor("", mark), null);
  assert.equal(
    reanchor("anything", { position: { start: 0, end: 0 }, quote: { exact: "", prefix: "", suffix: "" } }),
    null,
  );
});

test("a page rebuilds the passage's text from its sentences' spans, paragraph breaks included", () => {
  const model = passageTextModel(article);
  const spans = model.sentences.map((s) => ({ ...s, text: model.text.slice(s.start, s.end) }));
  assert.equal(textFromSpans(spans), model.text);
  assert.equal(textFromSpans([]), "");
});

test("a new mark's range loses the spaces at its ends; a range of only space, outside the text or through an emoji is refused", () => {
  const text = "Tea  and \u{1F375} cake.\n\nMore.";
  assert.deepEqual(trimmedPosition(text, { start: 3, end: 9 }), { start: 5, end: 8 });
  assert.deepEqual(trimmedPosition(text, { start: 0, end: 3 }), { start: 0, end: 3 });
  assert.equal(trimmedPosition(text, { start: 3, end: 5 }), null, "only spaces");
  assert.equal(trimmedPosition(text, { start: 17, end: 19 }), null, "only a paragraph break");
  assert.equal(trimmedPosition(text, { start: 0, end: text.length + 1 }), null, "outside the text");
  assert.equal(trimmedPosition(text, { start: 10, end: 13 }), null, "starts inside the emoji");
  assert.equal(trimmedPosition(text, { start: 0, end: 10 }), null, "ends inside the emoji");
  assert.deepEqual(trimmedPosition(text, { start: 9, end: 11 }), { start: 9, end: 11 }, "the whole emoji");
});
