import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { backupDatabase } from "../db/backup";
import { e2eDatabase } from "../db/testing/inspection";
import { startNextServer } from "../scripts/lib/http-session";

/**
 * A `next start` of the same build on a copy of the e2e database, for tests that must break it or
 * run it differently (another NEXTAUTH_URL) without touching the server the other tests share.
 */
/** Each spec that starts one has its own port beside the shared server's, so they can run at once. */
const PORT_OFFSETS = { errors: 47, https: 48, actions: 49 } as const;

/** `database` is the copy's SQLite file, or its postgres:// address when the suite runs on PostgreSQL. */
export type OwnServer = { base: string; database: string; log: () => string; stop: () => Promise<void> };

export async function startOwnServer(
  purpose: keyof typeof PORT_OFFSETS,
  env: Record<string, string> = {},
): Promise<OwnServer> {
  const port = Number(process.env.E2E_PORT ?? 3100) + PORT_OFFSETS[purpose];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-own-server-"));
  const source = e2eDatabase();
  const onPostgres = source.startsWith("postgres");
  const database = onPostgres ? await copyPostgres(source, purpose) : path.join(dir, "copy.db");
  // The shared server keeps writing: SQLite's online backup takes one consistent copy.
  if (!onPostgres) await backupDatabase(source, database);
  const logFile = path.join(dir, "server.log");
  const removeCopy = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (onPostgres) await dropPostgres(database);
  };
  const server = await startNextServer({
    port,
    log: logFile,
    env: {
      ...(onPostgres ? { DATABASE_URL: database } : { DATABASE_PATH: database }),
      NEXTAUTH_SECRET: "own-server-test-secret-0123456789abcdef",
      ...env,
    },
  }).catch(async (err) => {
    await removeCopy();
    throw err;
  });
  return {
    base: server.base,
    database,
    log: () => fs.readFileSync(logFile, "utf8"),
    stop: async () => {
      server.signal("SIGKILL");
      await server.exited;
      await removeCopy();
    },
  };
}

/** Runs SQL on the server `url` points at, connected to its maintenance database. */
async function onServer(url: string, sql: string): Promise<void> {
  const address = new URL(url);
  address.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: address.toString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A copy of the shared server's PostgreSQL database, named after it (so the test runner's cleanup
 * drops it too). pg_dump reads one consistent snapshot while that server keeps writing.
 */
async function copyPostgres(sourceUrl: string, purpose: string): Promise<string> {
  const source = new URL(sourceUrl);
  const name = `${source.pathname.slice(1)}_${purpose}`;
  await onServer(sourceUrl, `drop database if exists "${name}" with (force)`);
  await onServer(sourceUrl, `create database "${name}"`);
  const target = new URL(sourceUrl);
  target.pathname = `/${name}`;
  const connection = (u: URL) => ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username)];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(source.password) };
  const dump = spawn("pg_dump", [...connection(source), "--format=custom", "--no-owner", source.pathname.slice(1)], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const restore = spawn("pg_restore", [...connection(target), "--no-owner", "--exit-on-error", "-d", name], {
    env,
    stdio: ["pipe", "inherit", "inherit"],
  });
  dump.stdout.pipe(restore.stdin);
  const exitOf = (p: ReturnType<typeof spawn>) => new Promise<number | null>((r) => p.once("exit", (code) => r(code)));
  const [dumped, restored] = await Promise.all([exitOf(dump), exitOf(restore)]);
  if (dumped !== 0 || restored !== 0)
    throw new Error(`Copying ${source.pathname.slice(1)} failed (pg_dump ${dumped}, pg_restore ${restored}).`);
  return target.toString();
}

async function dropPostgres(url: string): Promise<void> {
  await onServer(url, `drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
}
