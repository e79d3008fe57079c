import { test } from "node:test";
import assert from "node:assert/strict";
import { gateKey, idleGate, type GateState, type KeyPress } from "./shortcut-gate";

const SHORTCUTS = new Set(["j", "k", "r", "c", "m", "s", "0", "1", "2", "3", "[", "]"]);

/** Presses keys in order, `gap` ms apart, and says which acted. */
function type(keys: string[], opts: { gap?: number; inWorkbench?: boolean; start?: GateState } = {}): string[] {
  let state = opts.start ?? idleGate;
  let time = 10_000;
  const acted: string[] = [];
  for (const key of keys) {
    const press: KeyPress = {
      key,
      time,
      withCommand: false,
      inWorkbench: opts.inWorkbench ?? true,
      isShortcut: SHORTCUTS.has(key),
    };
    const out = gateKey(state, press);
    state = out.state;
    if (out.act) acted.push(key);
    time += opts.gap ?? 120;
  }
  return acted;
}

test("shortcuts act at speed one after another in the workbench", () => {
  assert.deepEqual(type(["2", "1", "3", "r", "j"]), ["2", "1", "3", "r", "j"]);
});

test("a word typed in the workbench does nothing: the r of 'great' is within the word", () => {
  assert.deepEqual(type([..."great"]), []);
  assert.deepEqual(type([..."grace"]), []);
  assert.deepEqual(type(["g", "Backspace", "r"]), []);
});

test("nothing acts while focus is outside the workbench", () => {
  assert.deepEqual(type([..."jr12"], { inWorkbench: false }), []);
});

test("a key typed outside, just before focus comes in, still counts as typing", () => {
  const outside = gateKey(idleGate, {
    key: "a",
    time: 1000,
    withCommand: false,
    inWorkbench: false,
    isShortcut: false,
  });
  assert.equal(
    gateKey(outside.state, { key: "r", time: 1500, withCommand: false, inWorkbench: true, isShortcut: true }).act,
    false,
  );
  assert.equal(
    gateKey(outside.state, { key: "r", time: 2100, withCommand: false, inWorkbench: true, isShortcut: true }).act,
    true,
  );
});

test("a pause, Escape, Tab or Enter ends the word; modifiers and command keys change nothing", () => {
  assert.deepEqual(type(["g", "r"], { gap: 1100 }), ["r"]);
  assert.deepEqual(type(["g", "Escape", "r"]), ["r"]);
  assert.deepEqual(type(["g", "Tab", "r"]), ["r"]);
  assert.deepEqual(type(["g", "Shift", "r"]), []);
  const typing = gateKey(idleGate, {
    key: "g",
    time: 0,
    withCommand: false,
    inWorkbench: true,
    isShortcut: false,
  }).state;
  assert.deepEqual(gateKey(typing, { key: "r", time: 10, withCommand: true, inWorkbench: true, isShortcut: true }), {
    act: false,
    state: typing,
  });
});
