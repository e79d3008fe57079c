/**
 * `npm run db:backup [-- <file>]`: a consistent copy of the database, safe while the app runs.
 * SQLite (DATABASE_PATH): without a file it goes to backups/ beside the database, named by the time.
 * PostgreSQL (DATABASE_URL): a pg_dump archive, by default data/backups/marginalia-<time>.dump.
 */
import path from "node:path";
import { backupDatabase, tableCounts } from "@/db/backup";
import { backupPostgres, describePostgres } from "@/db/backup-postgres";
import { databaseEngine, databaseFile, readEnv } from "@/lib/env";

const env = readEnv();
const time = new Date().toISOString().replace(/[:.]/g, "-");

function printCounts(counts: Record<string, number>) {
  console.log(
    `Rows: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
  );
}

if (databaseEngine(env) === "postgres") {
  const url = env.DATABASE_URL!;
  const destination = process.argv[2] ?? path.join("data", "backups", `marginalia-${time}.dump`);
  const { file, counts } = await backupPostgres(url, destination);
  console.log(`Backed up the PostgreSQL database ${describePostgres(url)} to ${file} (pg_dump, checked).`);
  printCounts(counts);
} else {
  const source = databaseFile(env);
  const destination = process.argv[2] ?? path.join(path.dirname(source), "backups", `marginalia-${time}.db`);
  const { file, pages } = await backupDatabase(source, destination);
  console.log(`Backed up ${source} to ${file} (${pages} pages, checked).`);
  printCounts(tableCounts(file));
}
