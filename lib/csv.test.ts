import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCsv, toCsv } from "./csv";

test("names with commas, quotes and line breaks survive the round trip", () => {
  const rows = [
    ["Student", "Comment"],
    ["Obi, Ada", 'She said "no"'],
    ["Lin", "line one\nline two"],
    ["Kaya", 3.5],
  ];
  const csv = toCsv(rows);
  assert.ok(csv.startsWith("\uFEFF"));
  assert.ok(csv.includes('"Obi, Ada","She said ""no"""'));
  assert.deepEqual(parseCsv(csv), rows.map((r) => r.map(String)));
});

test("text that would start a formula is neutralised; empty cells stay empty", () => {
  assert.equal(toCsv([["=HYPERLINK(\"x\")", "+1", "-2 points", "@me", null, -2]]), "\uFEFF\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2 points,'@me,,-2\r\n");
});
