import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { backupDatabase } from "../db/backup";
import { startNextServer } from "../scripts/lib/http-session";

/**
 * A `next start` of the same build on a copy of the e2e database, for tests that must break it or
 * run it differently (another NEXTAUTH_URL) without touching the server the other tests share.
 */
/** Each spec that starts one has its own port beside the shared server's, so they can run at once. */
const PORT_OFFSETS = { errors: 47, https: 48, actions: 49 } as const;

export type OwnServer = { base: string; databaseFile: string; log: () => string; stop: () => void };

export async function startOwnServer(
  purpose: keyof typeof PORT_OFFSETS,
  env: Record<string, string> = {},
): Promise<OwnServer> {
  const port = Number(process.env.E2E_PORT ?? 3100) + PORT_OFFSETS[purpose];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-own-server-"));
  const databaseFile = path.join(dir, "copy.db");
  // The shared server keeps writing: SQLite's online backup takes one consistent copy.
  await backupDatabase(process.env.DATABASE_PATH ?? "e2e/.data/e2e.db", databaseFile);
  const logFile = path.join(dir, "server.log");
  const server = await startNextServer({
    port,
    log: logFile,
    env: { DATABASE_PATH: databaseFile, NEXTAUTH_SECRET: "own-server-test-secret-0123456789abcdef", ...env },
  }).catch((err) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  return {
    base: server.base,
    databaseFile,
    log: () => fs.readFileSync(logFile, "utf8"),
    stop: () => {
      server.signal("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
