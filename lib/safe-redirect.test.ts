import { test } from "node:test";
import assert from "node:assert/strict";
import { safeReturnPath } from "./safe-redirect";

test("keeps same-site paths and refuses everything else", () => {
  assert.equal(safeReturnPath("/classes/abc?x=1"), "/classes/abc?x=1");
  for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined]) {
    assert.equal(safeReturnPath(bad), "/classes", String(bad));
  }
});
