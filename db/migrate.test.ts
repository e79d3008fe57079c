import { test } from "node:test";
import assert from "node:assert/strict";
import { openTestDatabase, dumpDatabase } from "./testing/test-database";
import { DatabaseNewerThanCodeError, runSqliteMigrations as runMigrations } from "./migrate";

test("migrations refuse a database that a newer version has migrated, and change nothing", async () => {
  const db = openTestDatabase();
  runMigrations(db); // already current: nothing to do, no complaint
  const latest = db.$client.prepare("select max(created_at) from __drizzle_migrations").pluck().get() as number;
  db.$client
    .prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)")
    .run("from-the-future", latest + 86_400_000);
  const before = await dumpDatabase(db);
  assert.throws(
    () => runMigrations(db),
    (err) => err instanceof DatabaseNewerThanCodeError && /newer version of Marginalia/.test(err.message),
  );
  assert.deepEqual(await dumpDatabase(db), before);
});
