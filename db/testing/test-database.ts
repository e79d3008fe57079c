/** Databases for unit tests: a fresh, migrated file in the temp folder for each call. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDb, openDatabase, writerOf, type Db } from "../client";
import { runMigrations } from "../migrate";

export function tempDatabaseFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-test-")), "test.db");
}

export function openTestDatabase(file = tempDatabaseFile()): Db {
  const db = openDatabase(file);
  runMigrations(db);
  return db;
}

/** Every row of every table, for comparing the database before and after an operation. */
export function dumpDatabase(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.$client.prepare(`select * from "${name}" order by 1, 2`).all()]),
  );
}

/**
 * Points the app's shared connections (getDb) at a fresh, migrated database and returns its
 * writer, for a test to arrange rows directly. Call it before anything touches getDb; node's
 * test runner gives each test file its own process.
 */
export function freshAppDatabase(): Db {
  process.env.DATABASE_PATH = tempDatabaseFile();
  (globalThis as { marginaliaDb?: unknown }).marginaliaDb = undefined;
  const db = writerOf(getDb());
  runMigrations(db);
  return db;
}
