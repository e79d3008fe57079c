/**
 * When a single key of the review workbench counts as a shortcut. A key acts only while focus is
 * in the workbench (the answer or its rubric, not a text field), and never within a word: a
 * printable key that did not act (a letter typed anywhere, a key that is no shortcut) marks the
 * person as typing, and keys pressed less than a second after it are typing too. Escape, Tab and
 * Enter end the word; a shortcut that acted leaves the next key free, so "1 2 3 r" works at speed.
 */
export const WORD_GAP_MS = 1000;

export type GateState = { typingUntil: number };
export const idleGate: GateState = { typingUntil: 0 };

export type KeyPress = {
  key: string;
  time: number;
  /** Ctrl, Alt or Meta held: the browser's or the system's key, never ours. */
  withCommand: boolean;
  /** Focus is in the workbench, on the answer, the rubric or a control of it that takes no text. */
  inWorkbench: boolean;
  /** The key would be a shortcut there (j, k, r, a level's key, …). */
  isShortcut: boolean;
};

const MODIFIERS = new Set(["Shift", "Control", "Alt", "Meta", "CapsLock", "AltGraph", "Fn"]);
const EDITING = new Set(["Backspace", "Delete"]);

export function gateKey(state: GateState, press: KeyPress): { act: boolean; state: GateState } {
  if (MODIFIERS.has(press.key) || press.withCommand) return { act: false, state };
  const printable = press.key.length === 1 || EDITING.has(press.key);
  if (!printable) return { act: false, state: idleGate };
  const withinWord = press.time < state.typingUntil;
  const act = press.inWorkbench && press.isShortcut && !withinWord && !EDITING.has(press.key);
  return { act, state: act ? idleGate : { typingUntil: press.time + WORD_GAP_MS } };
}
