/**
 * What each key of the review workbench does. Whether a key acts at all (focus, typing within a
 * word) is lib/review/shortcut-gate.ts; this says which shortcut a key is, if any.
 */
import { levelForKey } from "./rubric-keys";

export type Shortcut =
  | { do: "insert-saved-comment"; n: number }
  | { do: "save-comment" }
  | { do: "comment-on-words" }
  | { do: "next-answer" }
  | { do: "previous-answer" }
  | { do: "next-criterion" }
  | { do: "previous-criterion" }
  | { do: "write-comment" }
  | { do: "return" }
  /** The level at this index of the active criterion. */
  | { do: "score"; level: number };

const LETTERS: Record<string, Shortcut> = {
  s: { do: "save-comment" },
  m: { do: "comment-on-words" },
  j: { do: "next-answer" },
  k: { do: "previous-answer" },
  "]": { do: "next-criterion" },
  "[": { do: "previous-criterion" },
  c: { do: "write-comment" },
  r: { do: "return" },
};

/**
 * The shortcut a key press is, given the active criterion's levels (none without one), or null.
 * Shift with a digit 1–9 inserts that saved comment, whatever the layout makes of the key (the
 * physical key's `code` counts, as Shift+1 is "!" on one keyboard and "1" on another).
 */
export function shortcutFor(
  press: { key: string; code: string; shiftKey: boolean },
  levels: readonly { points: number }[] | undefined,
): Shortcut | null {
  if (press.shiftKey && /^Digit[1-9]$/.test(press.code))
    return { do: "insert-saved-comment", n: Number(press.code.slice(5)) };
  const letter = LETTERS[press.key];
  if (letter) return letter;
  const level = levels ? levelForKey(levels, press.key) : -1;
  return level >= 0 ? { do: "score", level } : null;
}
