import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./client";
import { openTestDatabase, steadyWrites, tempDatabaseFile } from "./testing/test-database";
import { backupDatabase, restoreDatabase, tableCounts } from "./backup";

test("a backup taken while another connection keeps writing is one consistent snapshot, and restores to the same counts", async () => {
  const file = tempDatabaseFile();
  openTestDatabase(file).$client.close();
  const writer = openDatabase(file);
  // A steady stream of single-row commits from another connection, as the app would make.
  const writes = steadyWrites(writer);
  while (writes.committed() < 50) await new Promise((r) => setImmediate(r));

  const before = writes.committed();
  const destination = path.join(path.dirname(file), "backups", "snapshot.db");
  const { pages } = await backupDatabase(file, destination);
  const after = writes.committed();
  await writes.stop();
  writer.$client.close();

  assert.ok(pages > 0);
  const counts = tableCounts(destination);
  assert.ok(
    counts.users! >= before && counts.users! <= after,
    `the snapshot holds ${counts.users} of the ${before}–${after} rows committed around it`,
  );
  assert.ok(!fs.existsSync(`${destination}.partial`), "no partial file is left");

  // Restoring replaces the database and keeps the one it replaced.
  const { keptPrevious } = await restoreDatabase(destination, file);
  assert.deepEqual(tableCounts(file), counts);
  assert.ok(keptPrevious && fs.existsSync(keptPrevious));
  assert.equal(tableCounts(keptPrevious!).users, writes.committed(), "the replaced database had every write");
});

test("a damaged backup is refused and the database is left as it was", async () => {
  const file = tempDatabaseFile();
  openTestDatabase(file).$client.close();
  const bad = path.join(path.dirname(file), "bad.db");
  fs.writeFileSync(bad, "this is not a database");
  await assert.rejects(restoreDatabase(bad, file));
  assert.ok(tableCounts(file).users === 0);
  await assert.rejects(backupDatabase(path.join(path.dirname(file), "missing.db"), bad), /no database/);
});
