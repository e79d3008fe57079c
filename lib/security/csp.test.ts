import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { contentSecurityPolicy, createNonce, inlineScriptHashes } from "./csp";

const sha = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  assert.ok(found, `${name} is set`);
  return found.slice(1);
}

test("a nonce policy allows this origin and the nonce, never inline or eval scripts", () => {
  const policy = contentSecurityPolicy({ nonce: "abc123==" });
  assert.deepEqual(directive(policy, "script-src"), ["'self'", "'nonce-abc123=='"]);
  assert.doesNotMatch(directive(policy, "script-src").join(" "), /unsafe/);
  assert.deepEqual(directive(policy, "object-src"), ["'none'"]);
  assert.deepEqual(directive(policy, "base-uri"), ["'self'"]);
  assert.deepEqual(directive(policy, "frame-ancestors"), ["'none'"]);
});

test("a hash policy lists each inline script's hash", () => {
  const policy = contentSecurityPolicy({ hashes: ["sha256-AAA=", "sha256-BBB="] });
  assert.deepEqual(directive(policy, "script-src"), ["'self'", "'sha256-AAA='", "'sha256-BBB='"]);
});

test("only the development server gets eval", () => {
  assert.ok(directive(contentSecurityPolicy({ nonce: "n" }, { dev: true }), "script-src").includes("'unsafe-eval'"));
  assert.ok(!directive(contentSecurityPolicy({ nonce: "n" }), "script-src").includes("'unsafe-eval'"));
});

test("nonces are fresh and base64", () => {
  const a = createNonce();
  assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
  assert.notEqual(a, createNonce());
});

test("inline scripts are hashed byte for byte; scripts with src are not", () => {
  const first = `(self.__next_f=self.__next_f||[]).push([0])`;
  const second = `self.__next_f.push([1,"a\\u003c/b \\"&amp;\\" é"])`;
  const html =
    `<html><head><script src="/_next/a.js" async=""></script><script id="_R_">${first}</script></head>` +
    `<body><p>x</p><SCRIPT>${second}</SCRIPT><script>${first}</script><script src='/b.js'></script></body></html>`;
  assert.deepEqual(inlineScriptHashes(html), [sha(first), sha(second)]);
});

test("an empty inline script still has a hash, and a page without inline scripts has none", () => {
  assert.deepEqual(inlineScriptHashes("<script></script>"), [sha("")]);
  assert.deepEqual(inlineScriptHashes(`<p>no scripts</p><script src="/a.js"></script>`), []);
});
