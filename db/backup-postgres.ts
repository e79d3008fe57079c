/**
 * Backup and restore of the PostgreSQL database at DATABASE_URL, with pg_dump and pg_restore.
 * pg_dump reads in one repeatable-read transaction, so a backup is one consistent snapshot while
 * the app keeps writing; it is read back whole before it is kept. A restore builds a new database
 * from a checked backup and swaps it in by renaming; the app must be stopped, and the database it
 * replaces is kept on the same server.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";

// PostgreSQL silently truncates longer names, which could make two of ours the same.
const MAX_NAME_BYTES = 63;

/** The address `url` with another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const address = new URL(url);
  address.pathname = `/${encodeURIComponent(database)}`;
  return address.toString();
}

/** The database and server `url` names, without the password, for messages. */
export function describePostgres(url: string): string {
  const address = new URL(url);
  return `${decodeURIComponent(address.pathname.slice(1))} on ${address.host || "the local socket"}`;
}

/** How pg_dump and pg_restore reach the server: the password goes in the environment, never on the command line. */
function toolConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv; database: string } {
  const address = new URL(url);
  const args = ["--no-password"];
  if (address.hostname) args.push(`--host=${address.hostname.replace(/^\[(.*)\]$/, "$1")}`);
  if (address.port) args.push(`--port=${address.port}`);
  if (address.username) args.push(`--username=${decodeURIComponent(address.username)}`);
  const env = address.password ? { ...process.env, PGPASSWORD: decodeURIComponent(address.password) } : process.env;
  return { args, env, database: decodeURIComponent(address.pathname.slice(1)) };
}

/** Runs a PostgreSQL client tool (no shell), handing each line it prints to `onLine`. */
async function runTool(
  tool: "pg_dump" | "pg_restore",
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  onLine: (line: string) => void = () => {},
): Promise<void> {
  const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const reading = (async () => {
    for await (const line of readline.createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }))
      onLine(line);
  })();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "ENOENT"
          ? new Error(
              `${tool} was not found: install PostgreSQL's client tools with apt-get install -y postgresql-client.`,
            )
          : err,
      ),
    );
    child.on("close", resolve);
  });
  await reading;
  if (code !== 0) throw new Error(`${tool} failed: ${stderr.trim() || `exit code ${code}`}`);
}

/** Tables outside the public schema (drizzle's migration history) are named with their schema. */
function tableKey(schema: string, table: string): string {
  return schema === "public" ? table : `${schema}.${table}`;
}

/** Every table in the database, by its key and its quoted name for SQL. */
async function listTables(client: pg.Client): Promise<{ key: string; quoted: string }[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  return rows
    .map((r) => ({
      key: tableKey(r.schema, r.name),
      quoted: `${client.escapeIdentifier(r.schema)}.${client.escapeIdentifier(r.name)}`,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Every table's row count in the database at `url`: what a backup and its restore are compared by. */
export async function postgresTableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const { key, quoted } of await listTables(client)) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${quoted}`);
      counts[key] = Number(rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

function unquoteIdentifier(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/**
 * Every table a dump holds, with its row count, read from the dump itself: its table of contents
 * lists the tables, and its data is read back whole, which proves it can be read and decompressed.
 */
export async function dumpTableCounts(file: string): Promise<Record<string, number>> {
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  const counts: Record<string, number> = {};
  await runTool("pg_restore", ["--list", file], process.env, (line) => {
    const entry = /^\d+; \d+ \d+ TABLE DATA (\S+) (\S+)/.exec(line);
    if (entry) counts[tableKey(entry[1]!, entry[2]!)] = 0;
  });
  if (Object.keys(counts).length === 0) throw new Error(`The backup ${file} holds no tables.`);
  // Without a database to restore into, pg_restore prints the data as COPY blocks, one row a line.
  let copyingInto: string | null = null;
  await runTool("pg_restore", ["--data-only", "--file=-", file], process.env, (line) => {
    if (copyingInto === null) {
      const copy = /^COPY ("(?:[^"]|"")+"|[^".\s]+)\.("(?:[^"]|"")+"|[^".\s]+) /.exec(line);
      if (copy) copyingInto = tableKey(unquoteIdentifier(copy[1]!), unquoteIdentifier(copy[2]!));
    } else if (line === "\\.") copyingInto = null;
    else counts[copyingInto] = (counts[copyingInto] ?? 0) + 1;
  });
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Dumps the database at `url` to `destination`, checked; returns the row counts the dump holds. */
export async function backupPostgres(
  url: string,
  destination: string,
): Promise<{ file: string; counts: Record<string, number> }> {
  const server = toolConnection(url);
  const partial = `${destination}.partial`;
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  try {
    await runTool(
      "pg_dump",
      [...server.args, "--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, server.database],
      server.env,
    );
    const counts = await dumpTableCounts(partial);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const missing = await listTables(client)
      .then((tables) => tables.filter((t) => !(t.key in counts)).map((t) => t.key))
      .finally(() => client.end());
    if (missing.length > 0) throw new Error(`The dump of ${describePostgres(url)} lacks tables ${missing.join(", ")}.`);
    fs.renameSync(partial, destination);
    return { file: destination, counts };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Replaces the database at `url` with the backup: restored into `<name>_restoring`, compared
 * with the dump's row counts, then swapped in by renaming. The replaced database is kept as
 * `<name>_before_restore_<yyyymmddhhmmss>` (UTC). Stop the app before restoring.
 */
export async function restorePostgres(
  backupFile: string,
  url: string,
  now = new Date(),
): Promise<{ keptPrevious: string | null }> {
  const expected = await dumpTableCounts(backupFile);
  const server = toolConnection(url);
  const target = server.database;
  if (target === "postgres")
    throw new Error("Restore into a database of its own, not the maintenance database postgres.");
  const staging = `${target}_restoring`;
  const kept = `${target}_before_restore_${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
  if (Buffer.byteLength(kept) > MAX_NAME_BYTES)
    throw new Error(`The name ${target} is too long to keep the replaced database as ${kept} (at most 63 bytes).`);

  // Databases are created and renamed from outside them: from the server's maintenance database.
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  const id = (name: string) => admin.escapeIdentifier(name);
  let swapped = false;
  try {
    const current = await admin.query<{ encoding: string; collate: string; ctype: string }>(
      "select pg_encoding_to_char(encoding) as encoding, datcollate as collate, datctype as ctype from pg_database where datname = $1",
      [target],
    );
    const previous = current.rows[0];
    await admin.query(`drop database if exists ${id(staging)}`); // left by an interrupted restore
    // template0 is the clean template a dump is meant for; the replaced database's encoding and
    // collation keep text sorting as it did.
    await admin.query(
      `create database ${id(staging)} template template0` +
        (previous
          ? ` encoding ${admin.escapeLiteral(previous.encoding)} lc_collate ${admin.escapeLiteral(previous.collate)} lc_ctype ${admin.escapeLiteral(previous.ctype)}`
          : ""),
    );
    await runTool(
      "pg_restore",
      [
        ...server.args,
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        `--dbname=${staging}`,
        backupFile,
      ],
      server.env,
    );
    const restored = await postgresTableCounts(withDatabase(url, staging));
    const differences = [...new Set([...Object.keys(expected), ...Object.keys(restored)])]
      .filter((t) => expected[t] !== restored[t])
      .map((t) => `${t}: ${expected[t] ?? "absent"} in the backup, ${restored[t] ?? "absent"} restored`);
    if (differences.length > 0)
      throw new Error(`The restored copy differs from ${backupFile}: ${differences.join("; ")}.`);

    // Both renames in one transaction: the target is either replaced whole or left as it was.
    await admin.query("begin");
    try {
      if (previous) {
        // Waits up to 5 s for each to end: a rename fails while anyone is connected.
        await admin.query(
          "select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [target],
        );
        await admin.query(`alter database ${id(target)} rename to ${id(kept)}`);
      }
      await admin.query(`alter database ${id(staging)} rename to ${id(target)}`);
      await admin.query("commit");
    } catch (err) {
      await admin.query("rollback");
      throw err;
    }
    swapped = true;
    return { keptPrevious: previous ? kept : null };
  } finally {
    if (!swapped)
      await admin
        .query(`drop database if exists ${id(staging)}`)
        .catch((err: Error) => console.error(`Could not drop ${staging}: ${err.message}`));
    await admin.end();
  }
}
