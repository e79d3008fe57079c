/**
 * `npm run cluster -- --replicas 3`: Marginalia as a district runs it, on this machine. N app
 * servers (`next start`) over one PostgreSQL database behind HAProxy on HOSTNAME:PORT, which
 * health-checks them and sends no request to a server that is down. An app server that exits is
 * started again; the others carry the traffic meanwhile.
 *
 * The database is DATABASE_URL, or else a `marginalia` database on this machine's PostgreSQL
 * (installed and started when missing, as for the tests). It is migrated, the lessons imported,
 * and with --demo the demo accounts seeded; the build is made against it when not current.
 * HAProxy is Debian's `haproxy`, installed when missing (as root). The servers' output and HAProxy's
 * go to data/cluster/. Stop everything with Ctrl+C.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "@/lib/env";
import { startCluster, type AppServer } from "./lib/cluster";
import { localPostgres, asPostgres } from "./lib/postgres";

const { values } = parseArgs({
  options: {
    replicas: { type: "string", default: "3" },
    demo: { type: "boolean", default: false },
    "first-app-port": { type: "string" },
  },
});
const replicas = Number(values.replicas);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) {
  console.error("--replicas must be a whole number from 1 to 16.");
  process.exit(2);
}

const env = readEnv();
const publicUrl = env.NEXTAUTH_URL ?? `http://${env.HOSTNAME === "0.0.0.0" ? "localhost" : env.HOSTNAME}:${env.PORT}`;
const firstAppPort = Number(values["first-app-port"] ?? env.PORT + 1);

function localDatabase(): string {
  const role = "marginalia";
  const password = "marginalia-local";
  const port = localPostgres(role, password);
  const exists = spawnSync(
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      "psql",
      "-p",
      String(port),
      "-tAc",
      "select 1 from pg_database where datname = 'marginalia'",
    ],
    { encoding: "utf8" },
  ).stdout.trim();
  if (exists !== "1") asPostgres("create database marginalia owner marginalia", port);
  return `postgres://${role}:${password}@127.0.0.1:${port}/marginalia`;
}

const url = process.env.DATABASE_URL ?? localDatabase();
// The data layer picks its engine's tables when first loaded: only now may it be.
process.env.DATABASE_URL = url;
const { closeDatabase, getDb, writerOf } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { importLessonFolders } = await import("@/content/import");
const { formatContentError } = await import("@/content/load");
const { ensureBuild } = await import("./build");
const { seedDemo } = await import("./seed-demo");
const db = writerOf(getDb());
await runMigrations(db);
const imported = await importLessonFolders(db);
if (!imported.ok) {
  for (const e of imported.errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
if (values.demo) await seedDemo();
await ensureBuild(db, "");
await closeDatabase(db);

const logDir = path.join("data", "cluster");
let stopping = false;
const cluster = await startCluster({
  replicas,
  port: env.PORT,
  host: env.HOSTNAME,
  firstAppPort,
  env: { DATABASE_URL: url, NEXTAUTH_URL: publicUrl },
  logDir,
}).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});

/** An app server that exits is started again (tried every second until it serves); the others carry the traffic meanwhile. */
async function keepRunning(server: AppServer): Promise<void> {
  for (;;) {
    const how = await server.process.exited;
    if (stopping) return;
    console.error(`App server on port ${server.port} stopped (${how}); starting it again.`);
    await new Promise((r) => setTimeout(r, 1000));
    if (stopping) return;
    try {
      await server.restart();
      console.error(`App server on port ${server.port} is serving again.`);
    } catch (err) {
      console.error(
        `App server on port ${server.port} did not start: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

for (const server of cluster.servers) void keepRunning(server);
void cluster.balancerExited.then((code) => {
  if (stopping) return;
  console.error(`HAProxy stopped (exit ${code}); stopping the app servers.`);
  void stop(1);
});
console.log(
  `\nMarginalia on ${replicas} app server${replicas === 1 ? "" : "s"} (ports ${cluster.servers.map((s) => s.port).join(", ")}) behind HAProxy: open ${publicUrl}/lessons\n` +
    `Their output and HAProxy's are in ${logDir}/. Stop everything with Ctrl+C.\n`,
);

async function stop(code = 0): Promise<void> {
  stopping = true;
  await cluster.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
