/**
 * Prerendered pages' Content-Security-Policy. After `next build`, every prerendered page gets a
 * policy naming the sha256 of its own inline scripts. Next.js serves a prerendered page with the headers in the `.meta` file
 * beside its `.html`, and computes no hashes itself; a nonce cannot exist in a page built once
 * for everyone. Pages rendered per request get a nonce policy from `proxy.ts` instead.
 * The hashes include the build id, so this runs on every build (`ensureBuild`, `npm run build`), and
 * the server refuses to start from a build without it (instrumentation.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { contentSecurityPolicy, inlineScriptHashes } from "@/lib/security/csp";

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith(".html")) yield full;
  }
}

/** The file that records which build was stamped: its content is that build's BUILD_ID. */
export const STAMP_FILE = "csp-stamp";

/**
 * Writes the policy into each prerendered page's `.meta` headers, in the build at `nextDir`, and
 * records the build as stamped. Returns how many pages it stamped.
 */
export function stampPrerenderedPolicies(nextDir = ".next"): number {
  const appDir = path.join(nextDir, "server", "app");
  let stamped = 0;
  for (const html of htmlFiles(appDir)) {
    const metaFile = html.replace(/\.html$/, ".meta");
    // Every prerendered page has its .meta; a missing one means Next.js changed how it serves them.
    if (!fs.existsSync(metaFile))
      throw new Error(`No ${path.basename(metaFile)} beside ${html}: cannot give it a Content-Security-Policy.`);
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as { headers?: Record<string, string> };
    const policy = contentSecurityPolicy({ hashes: inlineScriptHashes(fs.readFileSync(html, "utf8")) });
    meta.headers = { ...meta.headers, "content-security-policy": policy };
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    stamped++;
  }
  // `next start` copies each prerendered page into this cache the first time it serves it, and
  // from then on serves the copy: copies made before this stamping would keep the old headers.
  fs.rmSync(path.join(nextDir, "server", "route-cache"), { recursive: true, force: true });
  fs.writeFileSync(path.join(nextDir, STAMP_FILE), fs.readFileSync(path.join(nextDir, "BUILD_ID")));
  return stamped;
}
