import { getDb, writerOf, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { importLessonFolders } from "@/content/import";
import { formatContentError } from "@/content/load";

/** Creates or updates the database at `file`: migrations, then the lessons under content/lessons. */
export async function setUpDatabase(file: string): Promise<Db> {
  process.env.DATABASE_PATH = file; // the data layer's shared connection (getDb) opens this file
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
