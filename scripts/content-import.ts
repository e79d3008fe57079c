/**
 * `npm run content:import [folder ...]`: migrates the database, then imports lesson folders
 * (default: every lesson under content/lessons). Idempotent; all or nothing.
 */
import path from "node:path";
import { getDb, writerOf } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { importLessonFolders, lessonsRoot } from "@/content/import";
import { listLessonFolders, formatContentError } from "@/content/load";

const dirs =
  process.argv.length > 2 ? process.argv.slice(2).map((d) => path.resolve(d)) : listLessonFolders(lessonsRoot);
const db = writerOf(getDb());
await runMigrations(db);
const result = await importLessonFolders(db, dirs);
if (!result.ok) {
  console.error("Nothing was imported; fix these first:");
  for (const e of result.errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
for (const r of result.reports) {
  const changes =
    r.status === "unchanged"
      ? ""
      : ` (questions: +${r.questionsAdded} new, ${r.questionsChanged} changed, ${r.questionsRetired} retired; passages retired: ${r.passagesRetired}; marks placed again: ${r.marksReplaced}, could not be placed: ${r.marksUnplaced})`;
  console.log(`${r.slug}: ${r.status}${changes}`);
}
