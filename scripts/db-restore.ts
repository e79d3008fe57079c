/**
 * `npm run db:restore -- <backup file>`: replaces the database with a checked backup. Stop the app
 * first. SQLite: the database it replaces is kept beside the file. PostgreSQL: the backup is
 * restored into a new database that takes the target's name; the one it replaces is kept, renamed,
 * on the same server.
 */
import { restoreDatabase, tableCounts } from "@/db/backup";
import { describePostgres, postgresTableCounts, restorePostgres } from "@/db/backup-postgres";
import { databaseEngine, databaseFile, readEnv } from "@/lib/env";

function printCounts(counts: Record<string, number>) {
  console.log(
    `Rows: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
  );
}

const env = readEnv();
const engine = databaseEngine(env);
const backup = process.argv[2];
if (!backup) {
  console.error(
    `Name the backup to restore: npm run db:restore -- data/backups/<file>.${engine === "postgres" ? "dump" : "db"} (stop the app first).`,
  );
  process.exit(2);
}
if (engine === "postgres") {
  const url = env.DATABASE_URL!;
  const { keptPrevious } = await restorePostgres(backup, url);
  console.log(
    `Restored ${backup} to the PostgreSQL database ${describePostgres(url)}.${keptPrevious ? ` The database it replaced is kept on the same server as ${keptPrevious}; drop it when no longer needed.` : ""}`,
  );
  printCounts(await postgresTableCounts(url));
} else {
  const target = databaseFile(env);
  const { keptPrevious } = await restoreDatabase(backup, target);
  console.log(
    `Restored ${backup} to ${target}.${keptPrevious ? ` The database it replaced is kept as ${keptPrevious}.` : ""}`,
  );
  printCounts(tableCounts(target));
}
