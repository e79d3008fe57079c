/**
 * The production build, rebuilt only when it is not current: when the code, the dependencies
 * or the imported lessons (which are prerendered into the pages) have changed since it was made.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { lessons } from "@/db/schema";
import { readEnv } from "@/lib/env";
import { stampPrerenderedPolicies } from "@/lib/security/prerendered-policy";

const sourceRoots = ["app", "components", "db", "lib", "content", "public"];
const sourceFiles = ["package-lock.json", "next.config.js", "tsconfig.json", "proxy.ts", "instrumentation.ts"];
const stampFile = path.join(".next", "marginalia-build-stamp");

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (full === path.join("public", "bench")) continue; // the benchmark's copy of a built page, not a source
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

async function buildStamp(db: Db): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [...sourceFiles, ...sourceRoots.flatMap((r) => [...walk(r)])]) {
    if (!fs.existsSync(file)) continue;
    hash.update(file).update(fs.readFileSync(file));
  }
  // Pages are prerendered from the database: a build made against another database is not this one's.
  const { DATABASE_URL } = readEnv();
  if (DATABASE_URL) hash.update(`postgres:${new URL(DATABASE_URL).host}${new URL(DATABASE_URL).pathname}`);
  for (const l of await db
    .select({ slug: lessons.slug, hash: lessons.contentHash })
    .from(lessons)
    .orderBy(lessons.slug)) {
    hash.update(`${l.slug}:${l.hash}`);
  }
  return hash.digest("hex");
}

/** Runs `next build` against `databaseFile` unless the existing build is current. Returns whether it built. */
export async function ensureBuild(db: Db, databaseFile: string): Promise<boolean> {
  const stamp = await buildStamp(db);
  const current =
    fs.existsSync(path.join(".next", "BUILD_ID")) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, "utf8") === stamp;
  if (current) {
    console.log("The production build is current; not rebuilding.");
    return false;
  }
  console.log("Building the app (next build)…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_PATH: databaseFile, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  console.log(
    `Content-Security-Policy with script hashes written for ${stampPrerenderedPolicies()} prerendered pages.`,
  );
  fs.writeFileSync(stampFile, stamp);
  return true;
}
