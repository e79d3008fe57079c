import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCsv, stripControlCharacters, toCsv } from "./csv";

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
  assert.deepEqual(
    parseCsv(csv),
    rows.map((r) => r.map(String)),
  );
});

test("text that would start a formula is neutralised; empty cells stay empty", () => {
  assert.equal(
    toCsv([['=HYPERLINK("x")', "+1", "-2 points", "@me", null, -2]]),
    '\uFEFF"\'=HYPERLINK(""x"")",\'+1,\'-2 points,\'@me,,-2\r\n',
  );
});

test("control characters other than tab, CR and LF are stripped from every cell", () => {
  const nasty = "a\u0000b\u000Bc\u001B[31md\u007Fe\u0085f\u0008g\u000Ch";
  assert.equal(stripControlCharacters(nasty), "abc[31mdefgh");
  assert.equal(stripControlCharacters("tab\there\r\nnew line"), "tab\there\r\nnew line");
  const csv = toCsv([["Name\u0000", nasty, "keep\ttab", "line\none"]]);
  assert.doesNotMatch(csv, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
  assert.deepEqual(parseCsv(csv), [["Name", "abc[31mdefgh", "keep\ttab", "line\none"]]);
  // A formula hidden behind a control character is still neutralised.
  assert.equal(toCsv([["\u0000=1+1", "\u001B@cmd"]]), "\uFEFF'=1+1,'@cmd\r\n");
  // Every code point below 32 but tab, LF and CR, and 127 to 159, goes.
  const all = Array.from({ length: 160 }, (_, i) => String.fromCharCode(i)).join("");
  const kept = stripControlCharacters(all);
  assert.equal(kept, "\t\n\r" + Array.from({ length: 127 - 32 }, (_, i) => String.fromCharCode(32 + i)).join(""));
});
