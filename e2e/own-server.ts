import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { backupDatabase } from "../db/backup";
import { backupPostgres, restorePostgres, withDatabase } from "../db/backup-postgres";
import { dropDatabase } from "../db/testing/test-database";
import { e2eDatabase } from "../db/testing/inspection";
import { startNextServer } from "../scripts/lib/http-session";

/**
 * A `next start` of the same build on a copy of the e2e database, for tests that must break it or
 * run it differently (another NEXTAUTH_URL) without touching the server the other tests share.
 */
/** Each spec that starts one has its own port beside the shared server's, so they can run at once. */
// (+50 and +51 are taken by outside-scan.spec.ts and startup-refusal.spec.ts, +54 and +55 by e2e/lti-platform.ts.)
const PORT_OFFSETS = { errors: 47, https: 48, actions: 49, marks: 52, session: 53 } as const;

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
  const database = onPostgres ? await copyPostgres(source, purpose, dir) : path.join(dir, "copy.db");
  // The shared server keeps writing: SQLite's online backup takes one consistent copy.
  if (!onPostgres) await backupDatabase(source, database);
  const logFile = path.join(dir, "server.log");
  const removeCopy = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (onPostgres) await dropDatabase(database);
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

/**
 * A copy of the shared server's PostgreSQL database, named after it (so the test runner's cleanup
 * drops it too), through the backup and restore the app's own commands use: pg_dump reads one
 * consistent snapshot while that server keeps writing.
 */
async function copyPostgres(sourceUrl: string, purpose: string, dir: string): Promise<string> {
  const copy = withDatabase(sourceUrl, `${decodeURIComponent(new URL(sourceUrl).pathname.slice(1))}_${purpose}`);
  await dropDatabase(copy); // a last run's, which the restore would otherwise keep beside it
  const { file } = await backupPostgres(sourceUrl, path.join(dir, "copy.dump"));
  await restorePostgres(file, copy);
  return copy;
}
