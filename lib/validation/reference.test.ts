import assert from "node:assert/strict";
import { test } from "node:test";
import { NAMES_NOTHING, reference } from "./reference";

test("a reference with a control character or an unreadable byte names nothing; a slug or UUID passes", () => {
  for (const bad of ["a\u0000b", "tajikistan\nislamic", "x\u007f", "bad\ufffd", "", " ", "x".repeat(101)]) {
    assert.equal(reference.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.equal(reference.safeParse("a\u0000b").error?.issues[0]?.message, NAMES_NOTHING);
  for (const good of ["tajikistan-islamic-state", "0b8f4c1e-2f7a-4d7e-9c7e-5a1c2b3d4e5f", "self"]) {
    assert.equal(reference.parse(good), good);
  }
});
