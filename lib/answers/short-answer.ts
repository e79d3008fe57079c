/**
 * Whether a short answer says what one of the accepted answers says, as a teacher would read it:
 * case, spacing and punctuation aside; hedges ("about", "roughly", "approx.", "nearly"),
 * articles and prepositions aside; currency and unit words aside ("USD", "US$", "dollars",
 * "a year", "/year", "people", "percent", "%"); an abbreviation in brackets read as either form
 * ("Human Rights Watch (HRW)"); numbers written with separators, scale words, suffixes or in
 * words ("84,000,000", "84 million", "$84m", "eighty-four million"); and words in any order
 * ("colonel in the Tajik special forces"). What changes a value still counts: a decimal point, a
 * minus sign, another number, another word ("lieutenant colonel" is not "colonel").
 */

/** Words that never change what a short answer says. */
const IGNORED = new Set([
  // articles
  "a",
  "an",
  "the",
  // hedges
  "about",
  "around",
  "roughly",
  "approximately",
  "approx",
  "nearly",
  "almost",
  "some",
  "circa",
  "ca",
  "estimated",
  "just",
  "over",
  "under",
  // prepositions
  "in",
  "at",
  "on",
  "of",
  "from",
  "by",
  "for",
  "with",
  // currency and units
  "usd",
  "dollar",
  "dollars",
  "percent",
  "people",
  "persons",
  "per",
  "each",
  "year",
  "yearly",
  "annually",
  "annual",
]);

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
/** Shares said in words, as the percentages they are. */
const SHARES: Record<string, number> = { half: 50, quarter: 25 };

/** The answer's words and numbers, in a canonical order, once per reading (brackets give several). */
export function shortAnswerForms(text: string): string[] {
  const lower = text.normalize("NFKC").toLowerCase();
  const readings = [lower.replace(/\([^)]*\)/g, " ")];
  for (const inside of lower.matchAll(/\(([^)]*)\)/g)) readings.push(inside[1]!);
  if (readings.length > 1) readings.push(lower.replace(/[()]/g, " "));
  const forms = readings.map(canonical).filter((f) => f !== "");
  return [...new Set(forms)];
}

export function shortAnswerMatches(given: string, accepted: readonly string[]): boolean {
  const forms = new Set(shortAnswerForms(given));
  if (forms.size === 0) return false;
  return accepted.some((a) => shortAnswerForms(a).some((f) => forms.has(f)));
}

function canonical(reading: string): string {
  const prepared = reading
    .replace(/(?<=\p{L})\.(?=\p{L})/gu, "") // u.s. -> us.
    .replace(/(?<=\d)[,\s](?=\d{3}(?!\d))/gu, "") // thousands separators: 2,700 and 2 700
    .replace(/us\$/g, " usd ")
    .replace(/\$/g, " usd ")
    .replace(/%/g, " percent ")
    .replace(/\bper\s*cent\b/g, " percent ")
    .replace(/(\d)\s*(bn|b)\b/g, "$1 billion")
    .replace(/(\d)\s*(mn|m)\b/g, "$1 million")
    .replace(/(\d)\s*k\b/g, "$1 thousand");
  const tokens = prepared.match(/(?<![\p{L}\p{N}])-?\d+(?:\.\d+)?|\d+(?:\.\d+)?|\p{L}[\p{L}\p{N}]*/gu) ?? [];
  return numbersRead(tokens)
    .filter((t) => !IGNORED.has(t))
    .sort()
    .join(" ");
}

/** Numerals and number words as one number each: "84 million", "eighty-four", "one hundred forty-four". */
function numbersRead(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let value: number | null = null; // the number being read
  let group = 0; // its part below the last scale word
  const flush = () => {
    if (value !== null) out.push(String(value + group));
    value = null;
    group = 0;
  };
  for (const token of tokens) {
    const numeral = /^-?\d+(?:\.\d+)?$/.test(token) ? Number(token) : null;
    if (numeral !== null) {
      flush();
      value = 0;
      group = numeral;
    } else if (token in UNITS) {
      if (value === null) value = 0;
      // "eighty four": the unit joins the tens; "four eighty" starts afresh.
      if (group % 100 !== 0 && group % 10 === 0 && UNITS[token]! < 10) group += UNITS[token]!;
      else if (group % 100 === 0) group += UNITS[token]!;
      else {
        flush();
        value = 0;
        group = UNITS[token]!;
      }
    } else if (token in SCALES && value !== null) {
      const scale = SCALES[token]!;
      if (scale === 100) group = (group || 1) * 100;
      else {
        value += (group || 1) * scale;
        group = 0;
      }
    } else if (token in SHARES) {
      flush();
      out.push(String(SHARES[token]));
    } else if (token === "and" && value !== null) {
      // "one hundred and forty-four"
    } else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}
