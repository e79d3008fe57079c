/**
 * `node scripts/with-postgres.ts <command …>`: runs the command with DATABASE_URL pointing at a
 * PostgreSQL server on this machine, which it prepares first: Debian's PostgreSQL is installed
 * when missing (as root, saying so), its cluster started when down, and a test role created.
 * Test tooling makes a throwaway database per test file (db/testing/test-database.ts), named with
 * this run's id; they are all dropped afterwards, whatever the command's outcome, and other runs'
 * are left alone. A DATABASE_URL already set is used as is.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { throwawayPrefix } from "@/db/testing/test-database";
import { localPostgres } from "./lib/postgres";

const ROLE = "marginalia_test";
const PASSWORD = "marginalia-test";

process.env.MARGINALIA_TEST_RUN = randomBytes(2).toString("hex");

async function dropThrowaways(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>(
      "select datname as name from pg_database where datname like $1",
      [`${throwawayPrefix().replaceAll("_", "\\_")}%`],
    );
    for (const { name } of rows) await admin.query(`drop database if exists "${name}" with (force)`);
    return rows.length;
  } finally {
    await admin.end();
  }
}

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("Usage: node scripts/with-postgres.ts <command …>");
  process.exit(2);
}

let url = process.env.DATABASE_URL;
if (!url) url = `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${localPostgres(ROLE, PASSWORD)}/postgres`;

const run = spawnSync(command[0]!, command.slice(1), {
  stdio: "inherit",
  shell: true,
  env: { ...process.env, DATABASE_URL: url },
});
const dropped = await dropThrowaways(url);
if (dropped > 0) console.log(`Dropped ${dropped} throwaway test database${dropped === 1 ? "" : "s"}.`);
process.exit(run.status ?? 1);
