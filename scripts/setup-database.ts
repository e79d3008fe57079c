import { openDatabase, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { importLessonFolders } from "@/content/import";
import { formatContentError } from "@/content/load";

/** Creates or updates the database: migrations, then the lessons under content/lessons. */
export function setUpDatabase(file: string): Db {
  const db = openDatabase(file);
  runMigrations(db);
  const result = importLessonFolders(db);
  if (!result.ok) {
    for (const e of result.errors) console.error(`  ${formatContentError(e)}`);
    throw new Error("The lessons under content/lessons did not pass their checks; nothing was imported.");
  }
  for (const r of result.reports) console.log(`Lesson ${r.slug}: ${r.status}`);
  return db;
}
