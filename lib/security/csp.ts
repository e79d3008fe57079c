/**
 * The Content-Security-Policy every HTML page carries. Scripts run only when they are ours:
 * files from this origin, plus the page's inline scripts named by a per-request nonce (pages
 * rendered per request) or by their sha256 (pages prerendered at build time, where no nonce
 * can exist). Never 'unsafe-inline' or 'unsafe-eval' for scripts.
 */
import { createHash } from "node:crypto";

export type ScriptAllowance = { nonce: string } | { hashes: readonly string[] };

/**
 * Styles keep 'unsafe-inline': React writes style attributes (progress bars, highlights), which
 * only 'unsafe-inline' allows, and a style cannot run code.
 * `next dev` needs eval for its refresh runtime; production never gets it.
 */
export function contentSecurityPolicy(scripts: ScriptAllowance, { dev = false }: { dev?: boolean } = {}): string {
  const scriptSources =
    "nonce" in scripts ? [`'self'`, `'nonce-${scripts.nonce}'`] : [`'self'`, ...scripts.hashes.map((h) => `'${h}'`)];
  if (dev) scriptSources.push(`'unsafe-eval'`);
  return [
    `default-src 'self'`,
    `script-src ${scriptSources.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/** 16 random bytes, base64: unguessable, and fresh for every response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The CSP hash sources ('sha256-…') of a page's inline scripts. A script element's text is raw
 * (no entities are decoded inside it), so the bytes between its tags are what the browser hashes.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(
      `sha256-${createHash("sha256")
        .update(match[1] ?? "", "utf8")
        .digest("base64")}`,
    );
  }
  return [...hashes];
}
