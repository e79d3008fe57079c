/** Needs a PostgreSQL server: run by `npm run test:postgres`, which sets DATABASE_URL. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { postgresProblem } from "./startup-check";

const url = process.env.DATABASE_URL;

test("the server answers; a wrong password and a missing database are each said in one sentence", async () => {
  assert.ok(url, "run through npm run test:postgres, which sets DATABASE_URL");
  assert.equal(await postgresProblem(url), null);
  const wrongPassword = new URL(url);
  wrongPassword.password = "not-the-password";
  assert.match((await postgresProblem(wrongPassword.toString())) ?? "", /refused the password for user/);
  const missing = new URL(url);
  missing.pathname = "/no_such_database_here";
  assert.match((await postgresProblem(missing.toString())) ?? "", /The database no_such_database_here does not exist/);
});
