/**
 * PostgreSQL on this machine, for tests and the local cluster: Debian's package installed when
 * missing (as root, saying so), its cluster started when down, roles and databases created.
 */
import { execFile, execFileSync, execSync } from "node:child_process";
import { promisify } from "node:util";

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

export function ensureInstalled(): void {
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

export function ensureRunning(): Cluster {
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

export function asPostgres(sql: string, port: number): void {
  const command = ["psql", "-p", String(port), "-v", "ON_ERROR_STOP=1", "-qc", sql];
  // Debian's local connections authenticate by the operating-system user: run psql as postgres.
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", ...command], { stdio: "inherit" });
  else execFileSync("sudo", ["-u", "postgres", ...command], { stdio: "inherit" });
}

/** A local server with `role` (password `password`) able to create databases; returns its port. */
export function localPostgres(role: string, password: string): number {
  ensureInstalled();
  const { port } = ensureRunning();
  asPostgres(
    `do $$ begin if not exists (select from pg_roles where rolname = '${role}') then ` +
      `create role ${role} login createdb password '${password}'; end if; end $$;`,
    port,
  );
  return port;
}

/** A new, empty database `name` owned by `role` on the local server, dropped first when it exists; its address. */
export function freshLocalDatabase(name: string, role: string, password: string): string {
  const port = localPostgres(role, password);
  asPostgres(`drop database if exists ${name} with (force)`, port);
  asPostgres(`create database ${name} owner ${role}`, port);
  return `postgres://${role}:${password}@127.0.0.1:${port}/${name}`;
}

function clusterOn(port: number): Cluster {
  const found = clusters().find((c) => c.port === port);
  if (!found) throw new Error(`No PostgreSQL cluster on this machine listens on port ${port}.`);
  return found;
}

const pgCtlCluster = (port: number, ...action: string[]) => {
  const { version, name } = clusterOn(port);
  return promisify(execFile)("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, ...action]);
};

/**
 * Stops the local server on `port` as a crash would: immediate mode ends every backend at once
 * without a checkpoint, so the next start recovers from the write-ahead log. Asynchronous, so
 * that the caller's clients go on meanwhile.
 */
export async function crashLocalPostgres(port: number): Promise<void> {
  await pgCtlCluster(port, "stop", "-m", "immediate");
}

/** Starts the local server on `port`; resolves once it accepts connections (pg_ctl waits for that). */
export async function startLocalPostgres(port: number): Promise<void> {
  await pgCtlCluster(port, "start");
}
