/**
 * PostgreSQL on this machine, for tests and the local cluster: Debian's package installed when
 * missing (as root, saying so), its cluster started when down, roles and databases created.
 */
import { execFileSync, execSync } from "node:child_process";

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
