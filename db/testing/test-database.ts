/** Databases for unit tests: a fresh, migrated file in the temp folder for each call. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { engineOf, getDb, openDatabase, writerOf, type Db } from "../client";
import { databaseEngine, readEnv } from "@/lib/env";
import { runMigrations, runSqliteMigrations } from "../migrate";
import { withDatabase } from "../backup-postgres";
import { users } from "../schema";

export function tempDatabaseFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-test-")), "test.db");
}

export function openTestDatabase(file = tempDatabaseFile()): Db {
  const db = openDatabase(file);
  runSqliteMigrations(db);
  return db;
}

/** Every row of every table, for comparing the database before and after an operation. */
export async function dumpDatabase(db: Db): Promise<Record<string, unknown[]>> {
  if (engineOf(db) === "postgres") {
    const pool = db.$client as unknown as pg.Pool;
    const tables = await pool.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables.rows) dump[name] = (await pool.query(`select * from "${name}" order by 1, 2`)).rows;
    return dump;
  }
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
export async function freshAppDatabase(): Promise<Db> {
  (globalThis as { marginaliaDb?: unknown }).marginaliaDb = undefined;
  if (databaseEngine() === "postgres")
    process.env.DATABASE_URL = await throwawayPostgresDatabase(readEnv().DATABASE_URL!);
  else process.env.DATABASE_PATH = tempDatabaseFile();
  const db = writerOf(getDb());
  await runMigrations(db);
  return db;
}

/** Test databases on PostgreSQL are named with this prefix. */
export const THROWAWAY_PREFIX = "marginalia_test_";

/**
 * The prefix of this test run's databases, which the runner (scripts/with-postgres.ts) drops
 * afterwards: its run id (MARGINALIA_TEST_RUN) in the name keeps runs side by side on one server
 * from dropping each other's.
 */
export function throwawayPrefix(): string {
  return `${THROWAWAY_PREFIX}${process.env.MARGINALIA_TEST_RUN ?? "adhoc"}_`;
}

/** Runs `sql` on the server `url` points at, from its maintenance database: databases are made and dropped from outside. */
async function onServer(url: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new, empty database `name` on the server `url` points at, replacing one of that name; its address. */
export async function recreateDatabase(url: string, name: string): Promise<string> {
  await dropDatabase(withDatabase(url, name));
  await onServer(url, `create database "${name}"`);
  return withDatabase(url, name);
}

/** Drops the database `url` names, whoever is connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  await onServer(url, `drop database if exists "${decodeURIComponent(new URL(url).pathname.slice(1))}" with (force)`);
}

/** A new, empty database on the server `url` points at. */
async function throwawayPostgresDatabase(url: string): Promise<string> {
  return recreateDatabase(url, `${throwawayPrefix()}${process.pid}_${randomBytes(3).toString("hex")}`);
}

/**
 * Commits one `users` row after another through `db`, as the app would, until stopped: for tests
 * of what must hold while the app keeps writing (an online backup).
 */
export function steadyWrites(db: Db): { committed: () => number; stop: () => Promise<void> } {
  let committed = 0;
  let writing = true;
  const load = (async () => {
    while (writing) {
      await db.insert(users).values({
        id: randomUUID(),
        email: `w${committed}@test`,
        name: `Writer ${committed}`,
        role: "student",
        passwordHash: "x",
        sessionVersion: 1,
        createdAt: new Date(),
      });
      committed++;
      // better-sqlite3 commits synchronously: let the code under test run between commits.
      await new Promise((r) => setImmediate(r));
    }
  })();
  return {
    committed: () => committed,
    stop: async () => {
      writing = false;
      await load;
    },
  };
}
