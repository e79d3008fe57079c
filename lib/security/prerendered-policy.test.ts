import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { inlineScriptHashes } from "@/lib/security/csp";
import { stampPrerenderedPolicies } from "./prerendered-policy";
import { isBuildStamped } from "./startup-check";

/** A build's app folder (`<next>/server/app`) with two prerendered pages; `path.join(dir, "..", "..")` is the build. */
function buildDir(): string {
  const next = fs.mkdtempSync(path.join(os.tmpdir(), "csp-"));
  fs.writeFileSync(path.join(next, "BUILD_ID"), "build-1");
  const dir = path.join(next, "server", "app");
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "lessons"));
  fs.writeFileSync(path.join(dir, "index.html"), `<script>self.a=1</script>`);
  fs.writeFileSync(path.join(dir, "index.meta"), JSON.stringify({ headers: { "x-nextjs-prerender": "1" } }));
  fs.writeFileSync(path.join(dir, "lessons", "one.html"), `<script>self.b=2</script><script src="/x.js"></script>`);
  fs.writeFileSync(path.join(dir, "lessons", "one.meta"), JSON.stringify({ status: 200 }));
  fs.writeFileSync(path.join(dir, "lessons", "one.rsc"), "not a page");
  return dir;
}

test("each prerendered page's .meta gets a policy with its own scripts' hashes, keeping its other headers", () => {
  const dir = buildDir();
  assert.equal(stampPrerenderedPolicies(path.join(dir, "..", "..")), 2);
  const index = JSON.parse(fs.readFileSync(path.join(dir, "index.meta"), "utf8"));
  assert.equal(index.headers["x-nextjs-prerender"], "1");
  assert.match(
    index.headers["content-security-policy"],
    new RegExp(`script-src 'self' '${inlineScriptHashes("<script>self.a=1</script>")[0]!.replace(/[+/]/g, "\\$&")}';`),
  );
  const one = JSON.parse(fs.readFileSync(path.join(dir, "lessons", "one.meta"), "utf8"));
  assert.equal(one.status, 200);
  assert.ok(one.headers["content-security-policy"].includes(inlineScriptHashes("<script>self.b=2</script>")[0]!));
  assert.ok(!one.headers["content-security-policy"].includes(inlineScriptHashes("<script>self.a=1</script>")[0]!));
});

test("stamping again replaces the policy rather than adding a second", () => {
  const dir = buildDir();
  stampPrerenderedPolicies(path.join(dir, "..", ".."));
  fs.writeFileSync(path.join(dir, "index.html"), `<script>self.changed=1</script>`);
  stampPrerenderedPolicies(path.join(dir, "..", ".."));
  const policy = JSON.parse(fs.readFileSync(path.join(dir, "index.meta"), "utf8")).headers[
    "content-security-policy"
  ] as string;
  assert.ok(policy.includes(inlineScriptHashes("<script>self.changed=1</script>")[0]!));
  assert.ok(!policy.includes(inlineScriptHashes("<script>self.a=1</script>")[0]!));
});

test("a page without its .meta is an error, not a page left without a policy", () => {
  const dir = buildDir();
  fs.rmSync(path.join(dir, "index.meta"));
  assert.throws(() => stampPrerenderedPolicies(path.join(dir, "..", "..")), /No index\.meta beside/);
});

test("copies of pages the server cached before the stamping are dropped, so the new headers are served", () => {
  const dir = buildDir();
  const cached = path.join(dir, "..", "route-cache", "APP_PAGE", "abc", "$");
  fs.mkdirSync(cached, { recursive: true });
  fs.writeFileSync(path.join(cached, "lessons.meta"), "{}");
  stampPrerenderedPolicies(path.join(dir, "..", ".."));
  assert.equal(fs.existsSync(path.join(dir, "..", "route-cache")), false);
  assert.equal(fs.existsSync(path.join(dir, "index.meta")), true);
});

test("the server knows a build that was not stamped, or was rebuilt since", () => {
  const dir = buildDir();
  const next = path.join(dir, "..", "..");
  assert.equal(isBuildStamped(next), false);
  stampPrerenderedPolicies(next);
  assert.equal(isBuildStamped(next), true);
  fs.writeFileSync(path.join(next, "BUILD_ID"), "build-2"); // a bare `next build` over a stamped one
  assert.equal(isBuildStamped(next), false);
  assert.equal(isBuildStamped(path.join(next, "no-such-build")), false);
});
