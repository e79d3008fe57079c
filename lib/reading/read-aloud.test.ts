import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseVoice, isReadAloudRate, readAloudStatus, sentenceChoiceLabel, type VoiceLike } from "./read-aloud";

const voice = (name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({
  name,
  lang,
  default: false,
  localService: true,
  ...extra,
});

test("the page's language and region win, then its language, then the default and on-device voices", () => {
  const voices = [
    voice("German", "de-DE", { default: true }),
    voice("US remote", "en-US", { localService: false }),
    voice("British", "en-GB"),
    voice("US local", "en-US"),
  ];
  assert.equal(chooseVoice(voices, "en-US")?.name, "US local");
  assert.equal(chooseVoice(voices, "en-GB")?.name, "British");
  // "en" alone: any English; on-device before remote.
  assert.equal(chooseVoice(voices, "en")?.name, "British");
  assert.equal(
    chooseVoice([voice("US remote", "en-US", { localService: false, default: true }), voice("AU", "en-AU")], "en")
      ?.name,
    "US remote",
  );
});

test("Android's underscores and any case are read as the same tag", () => {
  assert.equal(chooseVoice([voice("Android", "en_US"), voice("French", "fr-FR")], "EN-us")?.name, "Android");
});

test("no voice for the page's language means no reading, not the wrong accent on every word", () => {
  assert.equal(chooseVoice([voice("German", "de-DE", { default: true })], "en"), null);
  assert.equal(chooseVoice([], "en"), null);
});

test("only the offered speeds are accepted from storage", () => {
  assert.ok(isReadAloudRate(1.25));
  assert.ok(!isReadAloudRate(3));
  assert.ok(!isReadAloudRate("1"));
});

test("the status line says where the reading is", () => {
  assert.equal(readAloudStatus("reading", 0, 9), "Reading sentence 1 of 9.");
  assert.equal(readAloudStatus("paused", 2, 9), "Paused at sentence 3 of 9.");
  assert.equal(readAloudStatus("finished", 8, 9), "Finished: read all 9 sentences.");
  assert.equal(readAloudStatus("finished", 0, 1), "Finished: read all 1 sentence.");
  assert.equal(
    readAloudStatus("failed", 3, 9),
    "The browser stopped reading at sentence 4 of 9. Press Resume to try again.",
  );
});

test("a sentence is offered by its number and opening words, cut at a word", () => {
  assert.equal(sentenceChoiceLabel("Short one.", 0), "1. Short one.");
  assert.equal(
    sentenceChoiceLabel(
      "Experts claim the  US is helping to create\nthe next generation of Islamic State fighters.",
      4,
    ),
    "5. Experts claim the US is helping to create the…",
  );
  assert.equal(sentenceChoiceLabel("x".repeat(60), 0), `1. ${"x".repeat(47)}…`);
});
