/**
 * After `next build`: gives every prerendered page a Content-Security-Policy naming the sha256 of
 * its own inline scripts. Next.js serves a prerendered page with the headers in the `.meta` file
 * beside its `.html`, and computes no hashes itself; a nonce cannot exist in a page built once
 * for everyone. Pages rendered per request get a nonce policy from `proxy.ts` instead.
 * The hashes include the build id, so this runs on every build (`ensureBuild`, `npm run build`).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contentSecurityPolicy, inlineScriptHashes } from "@/lib/security/csp";

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith(".html")) yield full;
  }
}

/** Writes the policy into each prerendered page's `.meta` headers. Returns how many pages it stamped. */
export function stampPrerenderedPolicies(appDir = path.join(".next", "server", "app")): number {
  let stamped = 0;
  for (const html of htmlFiles(appDir)) {
    const metaFile = html.replace(/\.html$/, ".meta");
    // Every prerendered page has its .meta; a missing one means Next.js changed how it serves them.
    if (!fs.existsSync(metaFile)) throw new Error(`No ${path.basename(metaFile)} beside ${html}: cannot give it a Content-Security-Policy.`);
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as { headers?: Record<string, string> };
    const policy = contentSecurityPolicy({ hashes: inlineScriptHashes(fs.readFileSync(html, "utf8")) });
    meta.headers = { ...meta.headers, "content-security-policy": policy };
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    stamped++;
  }
  // `next start` copies each prerendered page into this cache the first time it serves it, and
  // from then on serves the copy: copies made before this stamping would keep the old headers.
  fs.rmSync(path.join(path.dirname(appDir), "route-cache"), { recursive: true, force: true });
  return stamped;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`Content-Security-Policy with script hashes written for ${stampPrerenderedPolicies()} prerendered pages.`);
}
