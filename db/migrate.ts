import fs from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { engineOf, type Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
export const postgresMigrationsFolder = path.join(process.cwd(), "db", "migrations-postgres");

/** A database migrated by a newer Marginalia than this code: starting would risk writing data it no longer understands. */
export class DatabaseNewerThanCodeError extends Error {
  constructor(applied: number, known: number) {
    super(
      `This database was migrated by a newer version of Marginalia (its latest migration is from ${new Date(applied).toISOString()}, ` +
        `this code knows migrations up to ${new Date(known).toISOString()}). Update the code, or restore a backup made for this version; nothing was changed.`,
    );
    this.name = "DatabaseNewerThanCodeError";
  }
}

function latestKnownMigration(folder = migrationsFolder): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Applies the committed drizzle-kit migrations that this database has not seen yet, after
 * checking it has none this code does not know (drizzle records each applied one's time).
 */
export async function runMigrations(db: Db): Promise<void> {
  if (engineOf(db) === "postgres") await migratePostgresDatabase(db.$client as unknown as pg.Pool);
  else runSqliteMigrations(db);
}

/** The same for a SQLite connection, synchronously (test tooling opens one per test). */
export function runSqliteMigrations(db: Db): void {
  const tracked = db.$client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (tracked) {
    const applied = db.$client.prepare("select max(created_at) from __drizzle_migrations").pluck().get() as
      | number
      | null;
    const known = latestKnownMigration();
    if (applied !== null && Number(applied) > known) throw new DatabaseNewerThanCodeError(Number(applied), known);
  }
  migrate(db, { migrationsFolder });
}

// Any fixed number: app servers starting together take turns to migrate.
const MIGRATION_LOCK = 4_201_605;

async function migratePostgresDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const exists = await client.query("select to_regclass('drizzle.__drizzle_migrations') is not null as tracked");
    const applied = exists.rows[0]?.tracked
      ? (
          await client.query<{ applied: string | null }>(
            "select max(created_at)::text as applied from drizzle.__drizzle_migrations",
          )
        ).rows[0]?.applied
      : null;
    const known = latestKnownMigration(postgresMigrationsFolder);
    if (applied && Number(applied) > known) throw new DatabaseNewerThanCodeError(Number(applied), known);
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: postgresMigrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
