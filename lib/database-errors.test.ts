import assert from "node:assert/strict";
import { test } from "node:test";
import { isDatabaseUnavailable } from "./database-errors";

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

test("a database out of reach is told apart from a bug, also when wrapped as a query's cause", () => {
  assert.equal(isDatabaseUnavailable(coded("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")), true);
  assert.equal(isDatabaseUnavailable(coded("terminating connection due to administrator command", "57P01")), true);
  assert.equal(
    isDatabaseUnavailable(
      new Error("Failed query: select 1", { cause: coded("the database system is starting up", "57P03") }),
    ),
    true,
  );
  assert.equal(isDatabaseUnavailable(new Error("Connection terminated unexpectedly")), true);
  assert.equal(isDatabaseUnavailable(coded("database is locked", "SQLITE_BUSY")), true);
  assert.equal(
    isDatabaseUnavailable(
      new Error("Failed query: update answers", {
        cause: coded("could not serialize access due to read/write dependencies among transactions", "40001"),
      }),
    ),
    true,
  );

  assert.equal(isDatabaseUnavailable(coded("duplicate key value violates unique constraint", "23505")), false);
  assert.equal(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined")), false);
  assert.equal(isDatabaseUnavailable("ECONNREFUSED"), false);
});
