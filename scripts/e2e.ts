/**
 * `npm run test:e2e`: the Playwright journeys against a production build, in Debian's Chromium.
 * Uses its own database (e2e/.data/e2e.db, made fresh each run) and port (E2E_PORT, default 3100).
 *
 * With DATABASE_URL set (`npm run test:e2e:postgres` sets it to this machine's PostgreSQL), the
 * journeys run on PostgreSQL instead: in a fresh database of their own on that server, named as
 * test databases are so that the test runner drops it afterwards.
 */
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./build";
import { setUpDatabase } from "./setup-database";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo";
import { closeDatabase } from "@/db/client";
import { seedBenchmark } from "@/db/testing/bench-seed";
import { recreateDatabase, throwawayPrefix } from "@/db/testing/test-database";
import { hashPassword } from "@/lib/auth/password";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    console.log(
      `Chromium is missing at ${chromium}. As root, installing it now with:\n  apt-get update && apt-get install -y chromium\n(Debian's chromium package and its libraries, a few hundred MB; set CHROMIUM_PATH to use another browser.)`,
    );
    execSync("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium", { stdio: "inherit" });
    return;
  }
  console.error(
    `The end-to-end tests need Chromium at ${chromium}.\n` +
      "Install it with: sudo apt-get install -y chromium (Debian/Ubuntu),\n" +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
  process.exit(1);
}

ensureChromium();
const dataDir = path.resolve("e2e", ".data");
fs.rmSync(dataDir, { recursive: true, force: true });
const databaseFile = path.join(dataDir, "e2e.db");
// This run's database on PostgreSQL, replacing the last run's.
if (process.env.DATABASE_URL)
  process.env.DATABASE_URL = await recreateDatabase(process.env.DATABASE_URL, `${throwawayPrefix()}e2e`);
console.log(`The journeys run on ${process.env.DATABASE_URL ? "PostgreSQL" : "SQLite"}.`);
const db = await setUpDatabase(databaseFile);
await seedDemo();
// A class of 200 students who have not started the lesson, for e2e/concurrency.spec.ts (its own
// class, so journeys that count the demo class's students are unaffected).
await seedBenchmark(db, {
  classes: 1,
  studentsPerClass: 200,
  lessonSlug: "tajikistan-islamic-state",
  passwordHash: await hashPassword(DEMO_PASSWORD),
  submitted: false,
  prefix: "crowd",
});
await ensureBuild(db, databaseFile);
await closeDatabase(db);

/**
 * `--data-journeys`: only the journeys that write and read through the data layer in the ways an
 * engine can differ (transactions, conflicts, caches, concurrency). `npm test` runs these on
 * PostgreSQL after running every journey on SQLite: the rest (reading, headers, validation pages,
 * accessibility) do not touch what differs between the engines, and the full second pass would
 * put CI past its time limit. `npm run test:e2e:postgres` alone still runs every journey.
 */
const dataJourneys = [
  "accounts-and-classes",
  "answers-after-submitting",
  "answers-api",
  "class-roster",
  "complete-lesson",
  "discussion",
  "gradebook",
  "join-with-code",
  "lti",
  "marks",
  "question-bank",
  "review-feedback",
  "review-workbench",
  "whole-article-question",
].map((name) => `e2e/${name}.spec.ts`);

const given = process.argv.slice(2);
// A project's dependencies run whole, whatever files are named: the crowd journey (which waits for
// the others, playwright.config.ts) runs on its own afterwards, without them.
const runs = given.includes("--data-journeys")
  ? [
      [...dataJourneys, "--project=desktop", "--project=phone", ...given.filter((a) => a !== "--data-journeys")],
      ["e2e/concurrency.spec.ts", "--project=crowd", "--no-deps"],
    ]
  : [given];

for (const args of runs) {
  const result = spawnSync("npx", ["playwright", "test", ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_PATH: databaseFile,
      CHROMIUM_PATH: chromium,
      NEXT_TELEMETRY_DISABLED: "1",
      INSTRUCTOR_SIGNUP_CODE: process.env.INSTRUCTOR_SIGNUP_CODE ?? "e2e-instructor-code-2026",
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.exit(0);
