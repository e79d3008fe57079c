import { test } from "node:test";
import assert from "node:assert/strict";
import { safeReturnPath } from "./safe-redirect";

test("keeps same-site paths", () => {
  assert.equal(safeReturnPath("/classes/abc?x=1#top"), "/classes/abc?x=1#top");
  assert.equal(safeReturnPath("/join?code=K7M2Q-XR9PD"), "/join?code=K7M2Q-XR9PD");
});

test("refuses everything that would leave the site, however it is disguised", () => {
  for (const bad of [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\/evil.example",
    "javascript:alert(1)",
    "",
    null,
    undefined,
    ["/a", "/b"],
    42,
  ]) {
    assert.equal(safeReturnPath(bad), "/classes", JSON.stringify(bad));
  }
});
