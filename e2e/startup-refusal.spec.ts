import net from "node:net";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * A server started with a DATABASE_URL it cannot use stops at once with one sentence saying why,
 * and a non-zero exit: no stack trace, no password, and never a server that answers 500s.
 */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test("a server with an unusable DATABASE_URL refuses to start, saying why in one sentence", async () => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 51;
  const nowhere = await closedPort();
  const cases: [string, RegExp][] = [
    [
      "mysql://marginalia:s3cret-word@db-host/marginalia",
      /DATABASE_URL must be a postgres:\/\/ address naming a database/,
    ],
    [
      `postgres://marginalia:s3cret-word@127.0.0.1:${nowhere}/marginalia`,
      new RegExp(`Nothing answers at 127\\.0\\.0\\.1:${nowhere}`),
    ],
  ];
  for (const [url, reason] of cases) {
    const run = spawnSync(
      process.execPath,
      [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
      {
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(run.stderr).toMatch(/Marginalia cannot start\./);
    expect(run.stderr).toMatch(reason);
    expect(output).not.toMatch(/\n\s+at\s+\S+/);
    expect(output).not.toContain("s3cret-word");
  }
});
