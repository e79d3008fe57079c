/** Needs a PostgreSQL server: run by `npm run test:postgres`, which sets DATABASE_URL. */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDatabase } from "./client";
import { freshAppDatabase, steadyWrites, THROWAWAY_PREFIX } from "./testing/test-database";
import { backupPostgres, dumpTableCounts, postgresTableCounts, restorePostgres, withDatabase } from "./backup-postgres";

const writer = await freshAppDatabase();
const url = process.env.DATABASE_URL!;
const target = decodeURIComponent(new URL(url).pathname.slice(1));
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-backup-"));

async function databasesNamedLike(prefix: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>(
      "select datname as name from pg_database where starts_with(datname, $1)",
      [prefix],
    );
    return rows.map((r) => r.name);
  } finally {
    await admin.end();
  }
}

test("a dump taken while another connection keeps writing is one consistent snapshot, and restores to the same counts", async () => {
  // A steady stream of single-row commits from the app's pool, as the app would make.
  const writes = steadyWrites(writer);
  while (writes.committed() < 50) await new Promise((r) => setTimeout(r, 5));

  const before = writes.committed();
  const destination = path.join(folder, "backups", "snapshot.dump");
  const { file, counts } = await backupPostgres(url, destination).finally(writes.stop);
  const after = writes.committed();
  // The app is stopped before a restore.
  await closeDatabase(writer);

  assert.ok(after > before, "the writer kept committing while the dump ran");
  assert.ok(
    counts.users! >= before && counts.users! <= after,
    `the snapshot holds ${counts.users} of the ${before}–${after} rows committed around it`,
  );
  assert.ok(counts["drizzle.__drizzle_migrations"]! > 0, "the migration history is in the dump");
  assert.deepEqual(await dumpTableCounts(file), counts);
  assert.ok(!fs.existsSync(`${destination}.partial`), "no partial file is left");

  // Restoring swaps in a new database and keeps the one it replaced.
  const { keptPrevious } = await restorePostgres(file, url);
  assert.deepEqual(await postgresTableCounts(url), counts);
  assert.ok(keptPrevious?.startsWith(`${target}_before_restore_`) && keptPrevious.startsWith(THROWAWAY_PREFIX));
  assert.equal(
    (await postgresTableCounts(withDatabase(url, keptPrevious!))).users,
    after,
    "the replaced database had every write",
  );
  assert.deepEqual(await databasesNamedLike(`${target}_restoring`), [], "no half-made database is left");
});

test("a damaged or missing dump is refused and the database is left as it was", async () => {
  const counts = await postgresTableCounts(url);
  const garbage = path.join(folder, "garbage.dump");
  fs.writeFileSync(garbage, "this is not a dump");
  await assert.rejects(restorePostgres(garbage, url), /pg_restore failed/);

  const { file } = await backupPostgres(url, path.join(folder, "whole.dump"));
  const truncated = path.join(folder, "truncated.dump");
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
  await assert.rejects(restorePostgres(truncated, url), /pg_restore failed/);

  await assert.rejects(restorePostgres(path.join(folder, "missing.dump"), url), /There is no backup/);
  assert.deepEqual(await postgresTableCounts(url), counts);
  assert.deepEqual(await databasesNamedLike(`${target}_restoring`), []);

  const missingDatabase = withDatabase(url, `${THROWAWAY_PREFIX}missing_${process.pid}`);
  const destination = path.join(folder, "never.dump");
  await assert.rejects(backupPostgres(missingDatabase, destination), /does not exist/);
  assert.ok(!fs.existsSync(destination) && !fs.existsSync(`${destination}.partial`));
});
