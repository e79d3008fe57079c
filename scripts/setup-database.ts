import { getDb, writerOf, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { importLessonFolders } from "@/content/import";
import { formatContentError } from "@/content/load";

/**
 * Creates or updates the app's database: migrations, then the lessons under content/lessons. It is
 * the SQLite file `file`, or without one the PostgreSQL database at DATABASE_URL.
 */
export async function setUpDatabase(file?: string): Promise<Db> {
  if (file) process.env.DATABASE_PATH = file; // the data layer's shared connection (getDb) opens this file
  const db = writerOf(getDb());
  await runMigrations(db);
  const result = await importLessonFolders(db);
  if (!result.ok) {
    for (const e of result.errors) console.error(`  ${formatContentError(e)}`);
    throw new Error("The lessons under content/lessons did not pass their checks; nothing was imported.");
  }
  for (const r of result.reports) console.log(`Lesson ${r.slug}: ${r.status}`);
  return db;
}
