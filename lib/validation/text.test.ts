import assert from "node:assert/strict";
import { test } from "node:test";
import { isStorableLine, isStorableText } from "./text";

test("ordinary text of any script is storable, on one line or many", () => {
  for (const s of [
    "Year 11 English",
    "Ünal O'Brien-Zhāng",
    "Тарас",
    "دوشنبه",
    "emoji 📚",
    "<script>alert(1)</script>",
    "' OR 1=1; --",
  ]) {
    assert.ok(isStorableLine(s), s);
    assert.ok(isStorableText(s), s);
  }
  assert.ok(isStorableText("first line\nsecond\r\n\tindented"));
});

test("NUL, other control characters and the replacement character are refused", () => {
  for (const s of ["a\u0000b", "a\u0007b", "a\u007fb", "bad bytes \ufffd\ufffd"]) {
    assert.equal(isStorableLine(s), false, JSON.stringify(s));
    assert.equal(isStorableText(s), false, JSON.stringify(s));
  }
  assert.equal(isStorableLine("two\nlines"), false);
});

test("a lone surrogate is refused; a pair (an emoji) is not", () => {
  for (const s of ["a\ud800b", "a\udc00", "\ud83d"]) {
    assert.equal(isStorableLine(s), false, JSON.stringify(s));
    assert.equal(isStorableText(s), false, JSON.stringify(s));
  }
  assert.ok(isStorableText("\ud83d\udcda books"));
});
