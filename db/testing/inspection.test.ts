import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { databaseFingerprint } from "./inspection";

test("the fingerprint changes with any written row, except in the tables left out", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fingerprint-")), "t.db");
  const db = new Database(file);
  db.exec("CREATE TABLE a (x TEXT); CREATE TABLE counted (n INTEGER); INSERT INTO a VALUES ('one');");
  const before = await databaseFingerprint(file, ["counted"]);
  assert.equal(await databaseFingerprint(file, ["counted"]), before, "reading changes nothing");
  db.exec("INSERT INTO counted VALUES (1)");
  assert.equal(await databaseFingerprint(file, ["counted"]), before, "a table left out does not count");
  db.exec("UPDATE a SET x = 'two'");
  assert.notEqual(await databaseFingerprint(file, ["counted"]), before);
  db.exec("UPDATE a SET x = 'one'");
  assert.equal(await databaseFingerprint(file, ["counted"]), before, "the same rows again: the same fingerprint");
  db.close();
});
