import assert from "node:assert/strict";
import { test } from "node:test";
import { readingPreferencesSchema } from "@/lib/validation/reading-preferences";
import {
  DEFAULT_READING_PREFERENCES,
  parseStoredPreferences,
  preferenceAttributes,
  readPreferences,
} from "./preferences";

test("only the offered choices are accepted, each refusal naming its field", () => {
  assert.ok(readingPreferencesSchema.safeParse({ size: "larger", spacing: "relaxed", font: "legible" }).success);
  const bad = readingPreferencesSchema.safeParse({ size: "huge", spacing: "relaxed", font: "comic-sans" });
  assert.ok(!bad.success);
  const fields = Object.fromEntries(bad.error.issues.map((i) => [i.path.join("."), i.message]));
  assert.equal(fields.size, "Choose a text size from the list.");
  assert.equal(fields.font, "Choose a font from the list.");
  assert.ok(!readingPreferencesSchema.safeParse({ ...DEFAULT_READING_PREFERENCES, colour: "red" }).success);
  assert.ok(!readingPreferencesSchema.safeParse({ size: "large" }).success);
});

test("the browser's check accepts exactly what the server's schema accepts", () => {
  const candidates: unknown[] = [
    { size: "larger", spacing: "relaxed", font: "legible" },
    { size: "standard", spacing: "standard", font: "standard" },
    { size: "huge", spacing: "relaxed", font: "legible" },
    { size: "large", spacing: "relaxed" },
    { size: "large", spacing: "relaxed", font: "legible", extra: 1 },
    { size: 1, spacing: "relaxed", font: "legible" },
    ["large", "relaxed", "legible"],
    null,
    "large",
  ];
  for (const c of candidates)
    assert.equal(readPreferences(c) !== null, readingPreferencesSchema.safeParse(c).success, JSON.stringify(c));
});

test("a stored value that is missing, not JSON or out of date is no preference, never an error", () => {
  assert.equal(parseStoredPreferences(null), null);
  assert.equal(parseStoredPreferences(""), null);
  assert.equal(parseStoredPreferences("{not json"), null);
  assert.equal(parseStoredPreferences(JSON.stringify({ size: "giant", spacing: "standard", font: "standard" })), null);
  assert.deepEqual(parseStoredPreferences(JSON.stringify({ size: "large", spacing: "relaxed", font: "standard" })), {
    size: "large",
    spacing: "relaxed",
    font: "standard",
  });
});

test("the defaults set no attribute; each other choice sets its own", () => {
  assert.deepEqual(preferenceAttributes(DEFAULT_READING_PREFERENCES), {
    "data-reading-size": null,
    "data-reading-spacing": null,
    "data-reading-font": null,
  });
  assert.deepEqual(preferenceAttributes({ size: "larger", spacing: "relaxed", font: "legible" }), {
    "data-reading-size": "larger",
    "data-reading-spacing": "relaxed",
    "data-reading-font": "legible",
  });
});
