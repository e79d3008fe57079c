/**
 * `npm run db:backup [-- <file>]`: a consistent copy of the database at DATABASE_PATH, safe while
 * the app runs. Without a file it goes to backups/ beside the database, named by the time.
 */
import path from "node:path";
import { backupDatabase, tableCounts } from "@/db/backup";
import { databaseFile } from "@/lib/env";

const source = databaseFile();
const destination =
  process.argv[2] ??
  path.join(path.dirname(source), "backups", `marginalia-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
const { file, pages } = await backupDatabase(source, destination);
const counts = tableCounts(file);
console.log(`Backed up ${source} to ${file} (${pages} pages, checked).`);
console.log(
  `Rows: ${Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ")}`,
);
