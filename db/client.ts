/**
 * The SQLite connection. Scripts open their own with `openDatabase(file)`; the app shares one
 * per process through `getDb()`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { databaseFile } from "@/lib/env";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers (page renders, the importer's checks) run beside a writer;
  // the busy timeout makes a writer wait for the lock instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
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

const globalForDb = globalThis as unknown as { marginaliaDb?: Db };

/** The app's connection, opened on first use and kept across hot reloads in development. */
export function getDb(): Db {
  globalForDb.marginaliaDb ??= openDatabase(databaseFile());
  return globalForDb.marginaliaDb;
}
