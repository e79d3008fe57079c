/**
 * Talking to a production server as its users do, for the benchmark, the soak test and the
 * e2e crowd: start `next start` as a process of its own, and sign in through next-auth's
 * credentials endpoint as the sign-in form does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type NextServer = {
  /** The node process running `next start` (also the id of its process group). */
  pid: number;
  base: string;
  /** Resolves when the process has exited, with its exit signal (e.g. "SIGKILL") or code. */
  exited: Promise<NodeJS.Signals | number | null>;
  /** Signals the whole process group (next start may fork), so no child outlives it. */
  signal(signal: NodeJS.Signals): void;
};

/**
 * Starts the production build on 127.0.0.1:port and waits until it serves /lessons. Runs next's
 * own binary with node (not through npx), detached in its own process group, so that the pid is
 * the server's and a signal to the group reaches everything it started.
 */
export async function startNextServer({
  port,
  env,
  log,
  timeoutMs = 60_000,
}: {
  port: number;
  env: Record<string, string>;
  /** A file the server's output is appended to; without it, its errors go to this process's stderr. */
  log?: string;
  timeoutMs?: number;
}): Promise<NextServer> {
  const base = `http://127.0.0.1:${port}`;
  // Another server on the port would answer the readiness check in this one's place.
  if (await isListening(port))
    throw new Error(`Port ${port} is already in use; stop what listens there or choose another port.`);
  const out = log ? fs.openSync(log, "a") : "ignore";
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      stdio: ["ignore", out, log ? out : "inherit"],
      env: { ...process.env, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
      detached: true,
    },
  );
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? code));
    child.once("error", () => resolve(null)); // could not be started at all
  });
  if (typeof out === "number") fs.closeSync(out); // the child has its own copy
  let gone = false;
  void exited.then(() => (gone = true));
  const server: NextServer = {
    pid: child.pid!,
    base,
    exited,
    signal(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`next start on port ${port} exited before serving (${await exited}); is the port free?`);
    try {
      if ((await fetch(`${base}/lessons`, { signal: AbortSignal.timeout(2_000) })).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.signal("SIGKILL");
  throw new Error(`next start on port ${port} did not serve within ${timeoutMs / 1000} s.`);
}

/** Whether something accepts connections on host:port. */
export function isListening(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Posts to next-auth's credentials endpoint, as the sign-in form does (with its CSRF token); the raw reply. */
export async function postCredentials(base: string, email: string, password: string): Promise<Response> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base, json: "true" }),
  });
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await postCredentials(base, email, password);
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (${res.status}).`);
  return session.split(";")[0]!;
}

/**
 * Signs many accounts in, a few at a time: the server hashes at most two passwords at once, and
 * the sign-in throttle counts an address's attempts before checking them, so a flood from one
 * address would be slowed. Returns the Cookie headers in the order of `emails`.
 */
export async function signInAll(
  base: string,
  emails: readonly string[],
  password: string,
  concurrency = 4,
): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, emails.length) }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await signIn(base, emails[i]!, password);
      }
    }),
  );
  return cookies;
}
