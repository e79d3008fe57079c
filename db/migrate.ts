import fs from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

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

function latestKnownMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Applies the committed drizzle-kit migrations that this database has not seen yet, after
 * checking it has none this code does not know (drizzle records each applied one's time).
 */
export function runMigrations(db: Db): void {
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
