import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { UNROUTABLE_ESCAPE, hasUnroutableEscape } from "./path-escapes";

test("escapes no route of ours can serve", () => {
  for (const path of [
    "/lessons/%FF",
    "/lessons/%FF%FE/%FF%FE",
    "/classes/%ff",
    "/lessons/%c0%ae",
    "/lessons/%E2%82",
    "/lessons/abc%",
    "/lessons/%zz",
    "/a%2",
    "/lessons/caf%C3%A9",
    "/classes/a%00b/review",
    "/lessons/%0A",
    "/lessons/x%7F",
  ]) {
    assert.equal(hasUnroutableEscape(path), true, path);
  }
});

test("plain paths and ASCII escapes are left to Next.js", () => {
  for (const path of [
    "/",
    "/lessons/tajikistan-islamic-state",
    "/lessons/tajikistan%2Dislamic-state",
    "/classes/abc/review",
    "/a%20b",
    "/a%7e",
  ]) {
    assert.equal(hasUnroutableEscape(path), false, path);
  }
});

test("proxy.ts's matcher holds the same pattern (Next.js reads the matcher as a literal)", () => {
  const proxy = fs.readFileSync(new URL("../../proxy.ts", import.meta.url), "utf8");
  assert.ok(proxy.includes(`"/(.*${UNROUTABLE_ESCAPE.source}.*)"`), "the matcher entry is /(.*<pattern>.*)");
});
