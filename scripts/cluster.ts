/**
 * `npm run cluster -- --replicas 3`: Marginalia as a district runs it, on this machine. N app
 * servers (`next start`) over one PostgreSQL database behind HAProxy on HOSTNAME:PORT, which
 * health-checks them and sends no request to a server that is down. An app server that exits is
 * started again; the others carry the traffic meanwhile.
 *
 * The database is DATABASE_URL, or else a `marginalia` database on this machine's PostgreSQL
 * (installed and started when missing, as for the tests). It is migrated, the lessons imported,
 * and with --demo the demo accounts seeded; the build is made against it when not current.
 * HAProxy is Debian's `haproxy`, installed when missing (as root). Stop everything with Ctrl+C.
 */
import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "@/lib/env";
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

function ensureHaproxy(): void {
  if (spawnSync("haproxy", ["-v"]).status === 0) return;
  if (process.getuid?.() !== 0) {
    console.error("The cluster needs HAProxy. Install it with: sudo apt-get install -y haproxy");
    process.exit(1);
  }
  console.log("HAProxy is missing. As root, installing it now with:\n  apt-get update && apt-get install -y haproxy");
  execSync("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy", { stdio: "inherit" });
}

/** HAProxy in front: round robin, a health check every second, retries only on failed connections. */
function haproxyConfig(ports: number[]): string {
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  option forwardfor",
    "  option redispatch",
    "  retries 2",
    "frontend marginalia",
    `  bind ${env.HOSTNAME}:${env.PORT}`,
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /lessons",
    "  http-check expect status 200",
    ...ports.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 1s fall 2 rise 1`),
    "",
  ].join("\n");
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
ensureHaproxy();

const ports = Array.from({ length: replicas }, (_, i) => firstAppPort + i);
const dir = path.join("data", "cluster");
fs.mkdirSync(dir, { recursive: true });
const configFile = path.join(dir, "haproxy.cfg");
fs.writeFileSync(configFile, haproxyConfig(ports));

let stopping = false;
const children = new Set<ChildProcess>();

function startAppServer(port: number): void {
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_URL: publicUrl,
        // Only the balancer in front may say who the client is.
        TRUSTED_PROXY: "127.0.0.1",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    console.error(`App server on port ${port} stopped (${signal ?? `exit ${code}`}); starting it again.`);
    setTimeout(() => startAppServer(port), 1000);
  });
}

for (const port of ports) startAppServer(port);
const balancer = spawn("haproxy", ["-f", configFile, "-db"], { stdio: "inherit" });
children.add(balancer);
balancer.on("exit", (code) => {
  if (stopping) return;
  console.error(`HAProxy stopped (exit ${code}); stopping the app servers.`);
  stop(1);
});
console.log(
  `\nMarginalia on ${replicas} app server${replicas === 1 ? "" : "s"} (ports ${ports.join(", ")}) behind HAProxy: open ${publicUrl}/lessons\n`,
);

function stop(code = 0): void {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));
