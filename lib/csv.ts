/**
 * CSV that opens cleanly in a spreadsheet: RFC 4180 quoting (commas, quotes, line breaks),
 * CRLF line ends, a UTF-8 byte-order mark for Excel, and text that would start a formula
 * (= + - @) prefixed with an apostrophe so a spreadsheet never runs it; control characters
 * other than tab, CR and LF are dropped from every cell.
 */
export type Cell = string | number | null | undefined;

/**
 * Control characters other than tab, CR and LF (C0, DEL and C1): old answers may hold NUL, VT or
 * ESC, which break spreadsheets' CSV import or show as junk. Stripped before anything else, so
 * one cannot hide a formula behind them either.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : stripControlCharacters(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(escapeCell).join(",")).join("\r\n")}\r\n`;
}

/** Reads CSV as a spreadsheet would (RFC 4180: quoted fields, doubled quotes, CRLF rows). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && s[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}
