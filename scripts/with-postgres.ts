/**
 * `node scripts/with-postgres.ts <command …>`: runs the command with DATABASE_URL pointing at a
 * PostgreSQL server on this machine, which it prepares first: Debian's PostgreSQL is installed
 * when missing (as root, saying so), its cluster started when down, and a test role created.
 * Test tooling makes a throwaway database per test file (db/testing/test-database.ts); they are
 * all dropped afterwards, whatever the command's outcome. A DATABASE_URL already set is used as is.
 */
import { execFileSync, execSync, spawnSync } from "node:child_process";
import pg from "pg";
import { THROWAWAY_PREFIX } from "@/db/testing/test-database";

const ROLE = "marginalia_test";
const PASSWORD = "marginalia-test";

type Cluster = { version: string; name: string; port: number; online: boolean };

function clusters(): Cluster[] {
  try {
    return execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [version, name, port, status] = line.trim().split(/\s+/);
        return { version: version!, name: name!, port: Number(port), online: status === "online" };
      });
  } catch {
    return [];
  }
}

function ensureInstalled(): void {
  if (clusters().length > 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      "The tests need PostgreSQL on this machine. Install it with: sudo apt-get install -y postgresql\n" +
        "(or set DATABASE_URL to a server where the user may create databases).",
    );
    process.exit(1);
  }
  console.log(
    "PostgreSQL is missing. As root, installing it now with:\n  apt-get update && apt-get install -y postgresql",
  );
  execSync("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql", { stdio: "inherit" });
}

function ensureRunning(): Cluster {
  const cluster = clusters()[0];
  if (!cluster) throw new Error("No PostgreSQL cluster was found after installing PostgreSQL.");
  if (!cluster.online) {
    console.log(`Starting PostgreSQL ${cluster.version}/${cluster.name} on port ${cluster.port}.`);
    execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster.version, cluster.name, "start"], {
      stdio: "inherit",
    });
  }
  return cluster;
}

function asPostgres(sql: string, port: number): void {
  const command = ["psql", "-p", String(port), "-v", "ON_ERROR_STOP=1", "-qc", sql];
  // Debian's local connections authenticate by the operating-system user: run psql as postgres.
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", ...command], { stdio: "inherit" });
  else execFileSync("sudo", ["-u", "postgres", ...command], { stdio: "inherit" });
}

async function dropThrowaways(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>(
      "select datname as name from pg_database where datname like $1",
      [`${THROWAWAY_PREFIX}%`],
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
if (!url) {
  ensureInstalled();
  const { port } = ensureRunning();
  asPostgres(
    `do $$ begin if not exists (select from pg_roles where rolname = '${ROLE}') then ` +
      `create role ${ROLE} login createdb password '${PASSWORD}'; end if; end $$;`,
    port,
  );
  url = `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

const run = spawnSync(command[0]!, command.slice(1), {
  stdio: "inherit",
  shell: true,
  env: { ...process.env, DATABASE_URL: url },
});
const dropped = await dropThrowaways(url);
if (dropped > 0) console.log(`Dropped ${dropped} throwaway test database${dropped === 1 ? "" : "s"}.`);
process.exit(run.status ?? 1);
