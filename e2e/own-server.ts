import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A `next start` of the same build on a copy of the e2e database, for tests that must break it or
 * run it differently (another NEXTAUTH_URL) without touching the server the other tests share.
 */
export type OwnServer = { base: string; databaseFile: string; log: () => string; stop: () => void };

export async function startOwnServer(port: number, env: Record<string, string> = {}): Promise<OwnServer> {
  const base = `http://127.0.0.1:${port}`;
  // Another server already there would answer for this one, on another database.
  if (await fetch(`${base}/lessons`).then(() => true, () => false)) throw new Error(`Port ${port} is already in use.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-own-server-"));
  const databaseFile = path.join(dir, "copy.db");
  const source = new Database(process.env.DATABASE_PATH ?? "e2e/.data/e2e.db", { readonly: true });
  await source.backup(databaseFile);
  source.close();
  let log = "";
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, DATABASE_PATH: databaseFile, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "own-server-test-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const stop = () => {
    server.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/lessons`)).ok) break;
    } catch {}
    if (i > 150) {
      stop();
      throw new Error(`The server on ${base} did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, databaseFile, log: () => log, stop };
}
