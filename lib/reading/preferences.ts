/**
 * Reading preferences: the passage's text size, line spacing and font. Kept per account and, for a
 * reader who is signed out, per browser. The browser reads them with `readPreferences` (no zod on the
 * page); what is written to an account is checked with lib/validation/reading-preferences.ts.
 */

export const TEXT_SIZES = ["standard", "large", "larger"] as const;
export const LINE_SPACINGS = ["standard", "relaxed"] as const;
export const READING_FONTS = ["standard", "legible"] as const;

export type ReadingPreferences = {
  size: (typeof TEXT_SIZES)[number];
  spacing: (typeof LINE_SPACINGS)[number];
  font: (typeof READING_FONTS)[number];
};

export const DEFAULT_READING_PREFERENCES: ReadingPreferences = {
  size: "standard",
  spacing: "standard",
  font: "standard",
};

const choices: { [K in keyof ReadingPreferences]: readonly string[] } = {
  size: TEXT_SIZES,
  spacing: LINE_SPACINGS,
  font: READING_FONTS,
};

/** The preferences in `value` when it is exactly a set of offered choices, else null. */
export function readPreferences(value: unknown): ReadingPreferences | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const fields = Object.keys(choices);
  if (entries.length !== fields.length) return null;
  for (const [field, choice] of entries) {
    if (!fields.includes(field) || !choices[field as keyof ReadingPreferences].includes(choice as string)) return null;
  }
  return value as ReadingPreferences;
}

/** What a stored value (JSON text from the database or the browser) says: null when missing or not valid, never an error. */
export function parseStoredPreferences(stored: string | null | undefined): ReadingPreferences | null {
  if (!stored) return null;
  try {
    return readPreferences(JSON.parse(stored));
  } catch {
    return null;
  }
}

export const TEXT_SIZE_LABELS: Record<ReadingPreferences["size"], string> = {
  standard: "Standard",
  large: "Large",
  larger: "Larger",
};
export const LINE_SPACING_LABELS: Record<ReadingPreferences["spacing"], string> = {
  standard: "Standard",
  relaxed: "Relaxed",
};
export const READING_FONT_LABELS: Record<ReadingPreferences["font"], string> = {
  standard: "Standard",
  legible: "Easier to read",
};

/** The attributes on <html> that the passage's style sheet reads; a default is no attribute. */
export function preferenceAttributes(p: ReadingPreferences): Record<string, string | null> {
  return {
    "data-reading-size": p.size === "standard" ? null : p.size,
    "data-reading-spacing": p.spacing === "standard" ? null : p.spacing,
    "data-reading-font": p.font === "standard" ? null : p.font,
  };
}
