/**
 * Marginalia as a district runs it, on this machine: N app servers (`next start`) over one
 * database behind HAProxy, which health-checks them and sends no request to one that is down.
 * For `npm run cluster`, the PostgreSQL soak, and anything else that wants to go through a
 * balancer. Each app server is its own process group (startNextServer), so one can be killed
 * outright and started again while the others carry the traffic.
 */
import { execSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isListening, startNextServer, type NextServer } from "./http-session";

type Exit = NodeJS.Signals | number | null;

export type AppServer = {
  port: number;
  /** The server's own address, past the balancer. */
  base: string;
  /** The process serving now; restart() replaces it. */
  readonly process: NextServer;
  /** Signals the process group (SIGKILL unless said) and resolves when it has exited, with how. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
  /** Starts the server again (killing what still runs) and resolves when it serves, with the milliseconds that took. */
  restart(): Promise<number>;
};

export type Cluster = {
  /** The balancer's address, for clients on this machine. */
  base: string;
  servers: AppServer[];
  /** Resolves when HAProxy has exited (on its own, or after stop()), with its exit code. */
  balancerExited: Promise<number | null>;
  /** Stops the balancer and every app server, and resolves when they have exited. */
  stop(): Promise<void>;
};

export type ClusterOptions = {
  replicas: number;
  /** The balancer's port. */
  port: number;
  /** The address the balancer listens on (default 127.0.0.1); app servers listen on 127.0.0.1 only. */
  host?: string;
  /** The first app server's port; the others follow it. Default port + 1. */
  firstAppPort?: number;
  /** For the app servers, over this process's environment: DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL (default the balancer's address)… */
  env: Record<string, string>;
  /** Gets haproxy.cfg, and the output of HAProxy (haproxy.log) and of each app server (app-<port>.log), appended. */
  logDir: string;
};

/** Debian's `haproxy`, installed when missing and running as root; otherwise an error saying how to install it. */
export function ensureHaproxy(): void {
  if (spawnSync("haproxy", ["-v"]).status === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error("The cluster needs HAProxy. Install it with: sudo apt-get install -y haproxy");
  console.log("HAProxy is missing. As root, installing it now with:\n  apt-get update && apt-get install -y haproxy");
  execSync("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy", { stdio: "inherit" });
}

/**
 * Round robin, a health check every second (given 3 s to answer, so that a server slowed by load
 * is not taken for a dead one, which would pile its traffic on the others), and retries only of
 * failed connections (a request is never sent twice).
 */
export function haproxyConfig({ bind, appPorts }: { bind: string; appPorts: number[] }): string {
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout check 3s",
    "  option forwardfor",
    "  option redispatch",
    "  retries 2",
    "frontend marginalia",
    `  bind ${bind}`,
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /lessons",
    "  http-check expect status 200",
    ...appPorts.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 1s fall 2 rise 1`),
    "",
  ].join("\n");
}

/**
 * Starts the app servers (the production build must be current) and then HAProxy in front, and
 * resolves when the balancer accepts connections. Whatever it started is killed if this process
 * exits without stop().
 */
export async function startCluster({
  replicas,
  port,
  host = "127.0.0.1",
  firstAppPort = port + 1,
  env,
  logDir,
}: ClusterOptions): Promise<Cluster> {
  ensureHaproxy();
  // Clients on this machine reach a balancer listening on every address through the loopback one.
  const reachableHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  if (await isListening(port, reachableHost))
    throw new Error(`Port ${port} is already in use; stop what listens there or choose another port.`);
  fs.mkdirSync(logDir, { recursive: true });
  const base = `http://${reachableHost}:${port}`;
  // Only the balancer in front may say who the client is.
  const serverEnv = { NEXTAUTH_URL: base, ...env, TRUSTED_PROXY: "127.0.0.1" };
  const appPorts = Array.from({ length: replicas }, (_, i) => firstAppPort + i);

  const started = await Promise.allSettled(
    appPorts.map((p) => startNextServer({ port: p, env: serverEnv, log: path.join(logDir, `app-${p}.log`) })),
  );
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    for (const s of started) if (s.status === "fulfilled") s.value.signal("SIGKILL");
    throw failed.reason;
  }
  let stopped = false;
  const servers = started.map((s, i) => {
    const port = appPorts[i]!;
    let current = (s as PromiseFulfilledResult<NextServer>).value;
    const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
      current.signal(signal);
      return current.exited;
    };
    const server: AppServer & { restarting?: Promise<unknown> } = {
      port,
      base: current.base,
      get process() {
        return current;
      },
      kill,
      async restart() {
        await kill();
        if (stopped) throw new Error("The cluster has been stopped.");
        const startedAt = performance.now();
        const starting = startNextServer({ port, env: serverEnv, log: path.join(logDir, `app-${port}.log`) }).then(
          (started) => {
            current = started;
          },
        );
        server.restarting = starting.catch(() => undefined);
        await starting;
        return Math.round(performance.now() - startedAt);
      },
    };
    return server;
  });

  const configFile = path.join(logDir, "haproxy.cfg");
  fs.writeFileSync(configFile, haproxyConfig({ bind: `${host}:${port}`, appPorts }));
  const balancerLog = fs.openSync(path.join(logDir, "haproxy.log"), "a");
  const balancer = spawn("haproxy", ["-f", configFile, "-db"], { stdio: ["ignore", balancerLog, balancerLog] });
  fs.closeSync(balancerLog); // the child has its own copy
  const balancerGone = new Promise<number | null>((resolve) => {
    balancer.once("exit", (code) => resolve(code));
    balancer.once("error", () => resolve(null));
  });
  const killAll = () => {
    balancer.kill("SIGKILL");
    for (const s of servers) s.process.signal("SIGKILL");
  };
  process.on("exit", killAll);

  const stop = async () => {
    stopped = true;
    // A server being started again is ended once it is up (or has failed), so that none is left running.
    await Promise.all(servers.map((s) => s.restarting));
    process.off("exit", killAll);
    balancer.kill("SIGTERM");
    for (const s of servers) s.process.signal("SIGTERM");
    const gone = Promise.all([balancerGone, ...servers.map((s) => s.process.exited)]);
    const timer = setTimeout(killAll, 10_000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 10_000;
  let exited = false;
  void balancerGone.then(() => (exited = true));
  while (!(await isListening(port, reachableHost))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(
        `HAProxy did not start on ${host}:${port}; its output is in ${path.join(logDir, "haproxy.log")}.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, servers, balancerExited: balancerGone, stop };
}
