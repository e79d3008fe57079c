/**
 * The database connections. The app shares them per process through `getDb()`: the SQLite file
 * at DATABASE_PATH, or the PostgreSQL database at DATABASE_URL through a pool. Scripts open their
 * own SQLite connection with `openDatabase(file)`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";
import { schemaEngine } from "./schema";
import { databaseEngine, databaseFile, readEnv } from "@/lib/env";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A connection the app reads through; writes go through inTransaction (db/transaction.ts). */
export type ReadDb = Omit<Db, "insert" | "update" | "delete" | "run" | "transaction">;

export function openDatabase(file: string, options: { readOnly?: boolean } = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers (page renders, the importer's checks) run beside a writer;
  // the busy timeout makes a writer wait for the lock instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // The app's reading connection refuses writes, so a write outside inTransaction fails loudly.
  if (options.readOnly) sqlite.pragma("query_only = ON");
  reusePreparedStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * drizzle prepares every query anew, and SQLite parsing the SQL is a good share of a small
 * query's cost (measured with `node --cpu-prof` under `npm run bench`). Statements are kept by
 * their SQL text (the most recent `max`) and handed out as if just prepared: drizzle switches a
 * statement to raw mode when it reads rows, so each reuse starts from the default mode again.
 */
function reusePreparedStatements(sqlite: Database.Database, max = 1000) {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const found = kept.get(source);
    // A statement still being iterated cannot be reset; such a caller gets a fresh one.
    if (found && !found.busy) {
      kept.delete(source); // most recently used last
      kept.set(source, found);
      if (found.reader) found.raw(false).pluck(false).expand(false);
      return found;
    }
    const statement = prepare(source);
    kept.set(source, statement);
    if (kept.size > max) kept.delete(kept.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}

const ENGINE = Symbol.for("marginalia.engine");

/**
 * A pool of PostgreSQL connections, typed as the SQLite database the access code is written
 * against: the queries it builds (select, insert … returning, on conflict) run the same on both;
 * db/dialect.ts holds what differs.
 */
export function openPostgres(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (a restart) is replaced on the next query; without
  // a listener its error would end the process.
  pool.on("error", (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  // A connection checked out by an open transaction is not the pool's to watch: when the server
  // goes away mid-transaction its error would be uncaught. The query in flight fails on its own.
  pool.on("connect", (client) =>
    client.on("error", (err) => console.error(`PostgreSQL connection lost: ${err.message}`)),
  );
  const db = drizzlePostgres(pool) as unknown as Db;
  Object.defineProperty(db, ENGINE, { value: "postgres" });
  return db;
}

export function engineOf(db: ReadDb | Db): "sqlite" | "postgres" {
  return (db as { [ENGINE]?: "postgres" })[ENGINE] ?? "sqlite";
}

/** Closes a connection a script opened (for the app's, see getDb). */
export async function closeDatabase(db: ReadDb | Db): Promise<void> {
  const client = (db as Db).$client as unknown;
  if (engineOf(db) === "postgres") await (client as pg.Pool).end();
  else (client as Database.Database).close();
}

// Kept on the connection under a global symbol: Next.js may load this module more than once
// (one copy per server layer), and every copy must find the same writer.
const WRITER = Symbol.for("marginalia.writer");

/** The connection that writes for this one: the app's writer for its reader, else itself. */
export function writerOf(db: ReadDb | Db): Db {
  return (db as { [WRITER]?: Db })[WRITER] ?? (db as Db);
}

const globalForDb = globalThis as unknown as { marginaliaDb?: ReadDb };

/**
 * The app's connections, opened on first use and kept across hot reloads in development:
 * a reader for queries and, behind it, the one writer inTransaction uses.
 */
export function getDb(): ReadDb {
  if (!globalForDb.marginaliaDb && databaseEngine() !== schemaEngine) {
    throw new Error(
      `DATABASE_URL was ${schemaEngine === "postgres" ? "unset" : "set"} after the tables were loaded for ${schemaEngine}: set it before importing the data layer.`,
    );
  }
  if (!globalForDb.marginaliaDb && databaseEngine() === "postgres") {
    const env = readEnv();
    globalForDb.marginaliaDb = openPostgres(env.DATABASE_URL!, env.DATABASE_POOL_SIZE);
  }
  if (!globalForDb.marginaliaDb) {
    const writer = openDatabase(databaseFile());
    const reader = openDatabase(databaseFile(), { readOnly: true });
    Object.defineProperty(reader, WRITER, { value: writer });
    globalForDb.marginaliaDb = reader;
  }
  return globalForDb.marginaliaDb;
}
