/**
 * `npm run db:restore -- <backup file>`: replaces the database at DATABASE_PATH with a checked
 * backup. Stop the app first; the database it replaces is kept beside it.
 */
import { restoreDatabase, tableCounts } from "@/db/backup";
import { databaseFile } from "@/lib/env";

const backup = process.argv[2];
if (!backup) {
  console.error("Name the backup to restore: npm run db:restore -- data/backups/<file>.db (stop the app first).");
  process.exit(2);
}
const target = databaseFile();
const { keptPrevious } = await restoreDatabase(backup, target);
console.log(
  `Restored ${backup} to ${target}.${keptPrevious ? ` The database it replaced is kept as ${keptPrevious}.` : ""}`,
);
console.log(
  `Rows: ${Object.entries(tableCounts(target))
    .map(([t, n]) => `${t} ${n}`)
    .join(", ")}`,
);
