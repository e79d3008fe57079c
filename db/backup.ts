/**
 * Online backup and restore of the SQLite database, with SQLite's backup API.
 * A backup copies every page in one step, so it is one consistent snapshot even while the app
 * keeps writing (WAL lets it read beside the writer); it is checked before it is kept.
 * A restore replaces the database file with a checked backup; the app must be stopped, and the
 * database it replaces is kept beside it.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Every table's row count: what a backup and its restore are compared by. */
export function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, db.prepare(`select count(*) from "${t}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

function checkIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(result)}`);
  } finally {
    db.close();
  }
}

function removeDatabaseFiles(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** Copies the live database at `sourceFile` to `destination`, checked; returns the page count. */
export async function backupDatabase(
  sourceFile: string,
  destination: string,
): Promise<{ file: string; pages: number }> {
  if (!fs.existsSync(sourceFile)) throw new Error(`There is no database at ${sourceFile} to back up.`);
  const source = new Database(sourceFile, { fileMustExist: true });
  const partial = `${destination}.partial`;
  try {
    source.pragma("busy_timeout = 5000");
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    removeDatabaseFiles(partial);
    // The first step only starts the backup; asking for every page in the next makes the copy one snapshot.
    const { totalPages } = await source.backup(partial, { progress: () => 0x7fffffff });
    checkIntegrity(partial);
    fs.renameSync(partial, destination);
    return { file: destination, pages: totalPages };
  } finally {
    source.close();
    removeDatabaseFiles(partial);
  }
}

/**
 * Replaces the database at `targetFile` with the backup (checked first). The replaced database
 * (with its WAL) is kept as `<target>.before-restore-<time>`. Stop the app before restoring.
 */
export async function restoreDatabase(
  backupFile: string,
  targetFile: string,
  now = new Date(),
): Promise<{ keptPrevious: string | null }> {
  if (!fs.existsSync(backupFile)) throw new Error(`There is no backup at ${backupFile}.`);
  checkIntegrity(backupFile);
  const staging = `${targetFile}.restoring`;
  removeDatabaseFiles(staging);
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(staging, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
  checkIntegrity(staging);
  let keptPrevious: string | null = null;
  if (fs.existsSync(targetFile)) {
    keptPrevious = `${targetFile}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    for (const suffix of ["", "-wal", "-shm"])
      if (fs.existsSync(targetFile + suffix)) fs.renameSync(targetFile + suffix, keptPrevious + suffix);
  }
  fs.renameSync(staging, targetFile);
  removeDatabaseFiles(staging);
  return { keptPrevious };
}
