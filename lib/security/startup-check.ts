/**
 * Run once when the production server starts (instrumentation.ts, Node.js runtime only): refuse a
 * build whose prerendered pages have no Content-Security-Policy, made with a bare `next build`
 * instead of `npm run build`, rather than serve them without one.
 */
import fs from "node:fs";
import path from "node:path";
import { STAMP_FILE } from "./prerendered-policy";

/** Whether the build in `nextDir` had its prerendered pages' policies written (lib/security/prerendered-policy.ts). */
export function isBuildStamped(nextDir: string): boolean {
  // (turbopackIgnore: a path known only at run time, which the build must not try to trace.)
  const read = (name: string) => fs.readFileSync(path.join(/* turbopackIgnore: true */ nextDir, name), "utf8");
  try {
    return read(STAMP_FILE) === read("BUILD_ID");
  } catch {
    return false;
  }
}

export function refuseBuildWithoutPolicies(): void {
  if (isBuildStamped(path.join(/* turbopackIgnore: true */ process.cwd(), ".next"))) return;
  console.error(
    "This build's prerendered pages have no Content-Security-Policy: it was made with a bare `next build`. Build with `npm run build`, which adds it.",
  );
  process.exit(1);
}
