import { test } from "node:test";
import assert from "node:assert/strict";
import { shortcutFor } from "./shortcut-keys";

const zeroToThree = [{ points: 0 }, { points: 1 }, { points: 2 }, { points: 3 }];
const press = (key: string, extra: { code?: string; shiftKey?: boolean } = {}) => ({
  key,
  code: extra.code ?? "",
  shiftKey: extra.shiftKey ?? false,
});

test("the letters and brackets of the workbench", () => {
  assert.deepEqual(
    ["j", "k", "[", "]", "c", "m", "s", "r"].map((k) => shortcutFor(press(k), zeroToThree)?.do),
    [
      "next-answer",
      "previous-answer",
      "previous-criterion",
      "next-criterion",
      "write-comment",
      "comment-on-words",
      "save-comment",
      "return",
    ],
  );
});

test("a level's key scores the active criterion with that level", () => {
  assert.deepEqual(shortcutFor(press("2"), zeroToThree), { do: "score", level: 2 });
  assert.deepEqual(shortcutFor(press("0"), zeroToThree), { do: "score", level: 0 });
  assert.equal(shortcutFor(press("4"), zeroToThree), null);
});

test("levels whose points are not one digit each are keyed by place, from 1", () => {
  const levels = [{ points: 0 }, { points: 5 }, { points: 10 }];
  assert.deepEqual(shortcutFor(press("3"), levels), { do: "score", level: 2 });
  assert.equal(shortcutFor(press("0"), levels), null);
});

test("without an active criterion digits do nothing", () => {
  assert.equal(shortcutFor(press("1"), undefined), null);
});

test("Shift and a digit inserts that saved comment, whatever character the layout gives", () => {
  assert.deepEqual(shortcutFor(press("!", { code: "Digit1", shiftKey: true }), zeroToThree), {
    do: "insert-saved-comment",
    n: 1,
  });
  assert.deepEqual(shortcutFor(press("9", { code: "Digit9", shiftKey: true }), zeroToThree), {
    do: "insert-saved-comment",
    n: 9,
  });
  assert.equal(shortcutFor(press(")", { code: "Digit0", shiftKey: true }), zeroToThree), null);
});

test("other keys, and capitals, are no shortcut", () => {
  assert.deepEqual(
    ["x", "J", "R", "Enter", " ", "Escape"].map((k) => shortcutFor(press(k), zeroToThree)),
    [null, null, null, null, null, null],
  );
});
