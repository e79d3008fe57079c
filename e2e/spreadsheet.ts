/**
 * Opens CSV files the way a teacher would: in LibreOffice Calc (headless), with the CSV filter
 * set to comma, double quote, UTF-8, from row 1, and reads back each cell's type and value from
 * the flat OpenDocument file Calc writes. Each run has its own Calc profile, so parallel runs
 * do not share (and lock) one.
 */
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type SheetCell = { type: "float" | "string" | "empty" | string; value: number | null; text: string };

function findOnPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** The soffice binary: SOFFICE_PATH, or soffice/libreoffice on the PATH; installed with apt-get when missing and running as root. */
export function ensureSoffice(): string {
  const given = process.env.SOFFICE_PATH;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`SOFFICE_PATH is set to ${given}, which does not exist.`);
    return given;
  }
  const found = findOnPath(["soffice", "libreoffice"]);
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log(
      "LibreOffice Calc is missing: installing Debian's libreoffice-calc package with apt-get (apt-get install -y --no-install-recommends libreoffice-calc)…",
    );
    execSync(
      "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc",
      { stdio: "inherit" },
    );
    const installed = findOnPath(["soffice", "libreoffice"]);
    if (installed) return installed;
  }
  throw new Error(
    "The CSV export test opens the files in LibreOffice Calc, and no soffice or libreoffice is on the PATH.\n" +
      "Install it with: sudo apt-get install -y libreoffice-calc (Debian/Ubuntu), or set SOFFICE_PATH to the soffice binary.",
  );
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** A cell's text as Calc shows it: paragraphs and line breaks as new lines, runs of spaces kept. */
function cellText(inner: string): string {
  const paragraphs = [...inner.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>|<text:p\b[^>]*\/>/g)].map(
    (m) => m[1] ?? "",
  );
  return paragraphs
    .map((p) =>
      decode(
        p
          .replace(/<text:line-break\/>/g, "\n")
          .replace(/<text:tab\/>/g, "\t")
          .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n?: string) => " ".repeat(Number(n ?? 1)))
          .replace(/<[^>]+>/g, ""),
      ),
    )
    .join("\n");
}

function attribute(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

/** The first sheet of a flat ODS file as rows of typed cells (trailing empty cells dropped). */
export function readFlatOds(xml: string): SheetCell[][] {
  const table = xml.match(/<table:table\b[\s\S]*?<\/table:table>/)?.[0];
  if (!table) throw new Error("Calc wrote no table.");
  const rows: SheetCell[][] = [];
  for (const rowMatch of table.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const repeatRows = Number(attribute(rowMatch[1]!, "table:number-rows-repeated") ?? 1);
    const cells: SheetCell[] = [];
    for (const cellMatch of (rowMatch[2] ?? "").matchAll(
      /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
    )) {
      const attrs = cellMatch[1]!;
      const repeat = Number(attribute(attrs, "table:number-columns-repeated") ?? 1);
      const type = attribute(attrs, "office:value-type") ?? "empty";
      const value = attribute(attrs, "office:value");
      const cell: SheetCell = {
        type,
        value: value === undefined ? null : Number(value),
        text: cellText(cellMatch[2] ?? ""),
      };
      for (let i = 0; i < Math.min(repeat, 1024); i++) cells.push(cell);
    }
    while (cells.length && cells[cells.length - 1]!.type === "empty" && !cells[cells.length - 1]!.text) cells.pop();
    if (cells.length === 0) continue; // Calc pads the sheet with empty rows.
    for (let i = 0; i < repeatRows; i++) rows.push(cells);
  }
  return rows;
}

/** Opens each CSV in Calc (one soffice run for all of them) and returns each file's sheet, in order. */
export function openCsvInCalc(soffice: string, csvFiles: string[]): SheetCell[][][] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-calc-"));
  try {
    const inputs = csvFiles.map((file, i) => {
      const copy = path.join(work, `file${i}.csv`);
      fs.copyFileSync(file, copy);
      return copy;
    });
    const profile = path.join(work, "profile");
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "fods",
        "--outdir",
        work,
        ...inputs,
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
    return inputs.map((input) => {
      const out = input.replace(/\.csv$/, ".fods");
      if (!fs.existsSync(out)) throw new Error(`Calc did not convert ${path.basename(input)}.`);
      return readFlatOds(fs.readFileSync(out, "utf8"));
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
