/**
 * `npm run db:migrate`: applies migrations to the database at DATABASE_URL (PostgreSQL) or
 * DATABASE_PATH (SQLite, created if needed).
 */
import { closeDatabase, getDb, writerOf } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { databaseEngine, databaseFile } from "@/lib/env";

const db = writerOf(getDb());
await runMigrations(db);
console.log(`Database ready ${databaseEngine() === "postgres" ? "on PostgreSQL" : `at ${databaseFile()}`}`);
await closeDatabase(db);
if (db !== getDb()) await closeDatabase(getDb());
