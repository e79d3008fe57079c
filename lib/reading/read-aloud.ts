/**
 * The choices behind "Read aloud" that do not need a browser: which of the browser's voices reads
 * the page, the speeds offered, and what the status line says.
 */
import { truncateAtWord } from "@/lib/text";

/** The fields of a SpeechSynthesisVoice this needs (so tests can pass plain objects). */
export type VoiceLike = { name: string; lang: string; default: boolean; localService?: boolean };

export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5, 2] as const;
export type ReadAloudRate = (typeof READ_ALOUD_RATES)[number];

export function isReadAloudRate(value: unknown): value is ReadAloudRate {
  return READ_ALOUD_RATES.includes(value as ReadAloudRate);
}

/**
 * The voice for text in `pageLang` (a BCP 47 tag such as "en" or "en-GB"): the same language and
 * region first, then the same language, preferring the browser's default and voices on the device
 * (they start at once and work offline). Null when none speaks the language: the browser's
 * default voice, whatever its language, would mispronounce every word.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], pageLang: string): V | null {
  const wanted = pageLang.toLowerCase().replace("_", "-");
  const language = wanted.split("-")[0]!;
  const langOf = (v: V) => v.lang.toLowerCase().replace("_", "-");
  const rank = (v: V) => {
    const lang = langOf(v);
    const match = lang === wanted ? 0 : lang.split("-")[0] === language ? 1 : 2;
    return match * 4 + (v.default ? 0 : 2) + (v.localService === false ? 1 : 0);
  };
  const candidates = voices.filter((v) => rank(v) < 8);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, v) => (rank(v) < rank(best) ? v : best));
}

export type ReadAloudPhase = "reading" | "paused" | "finished" | "failed";

/** The status line a screen reader announces and everyone sees: where the reading is. */
export function readAloudStatus(phase: ReadAloudPhase, index: number, total: number): string {
  if (phase === "finished") return `Finished: read all ${total} sentence${total === 1 ? "" : "s"}.`;
  const where = `sentence ${index + 1} of ${total}`;
  if (phase === "failed") return `The browser stopped reading at ${where}. Press Resume to try again.`;
  return phase === "paused" ? `Paused at ${where}.` : `Reading ${where}.`;
}

/** A sentence's entry in "Go to sentence": its number and its opening words. */
export function sentenceChoiceLabel(text: string, index: number, maxLength = 48): string {
  return `${index + 1}. ${truncateAtWord(text, maxLength)}`;
}
