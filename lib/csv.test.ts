import { test } from "node:test";
import assert from "node:assert/strict";
import { toCsv } from "./csv";

/** A small RFC 4180 reader, to prove what toCsv writes reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && s[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

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
