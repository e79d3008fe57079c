import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import { databaseProblem, postgresProblem } from "./startup-check";

test("SQLite needs no check; a DATABASE_URL that is not a postgres:// address says what it must be", async () => {
  assert.equal(await databaseProblem({}), null);
  for (const url of ["mysql://db/marginalia", "postgres://", "not a url", "postgres://db-host:5432/"]) {
    const problem = await databaseProblem({ DATABASE_URL: url });
    assert.match(
      problem ?? "",
      /^Invalid environment: DATABASE_URL must be a postgres:\/\/ address naming a database/,
      url,
    );
  }
});

test("an address where nothing listens, or a host that does not exist, is said plainly, without the password", async () => {
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const refused = await postgresProblem(`postgres://marginalia:s3cret-word@127.0.0.1:${port}/marginalia`);
  assert.equal(
    refused,
    `Nothing answers at 127.0.0.1:${port}: is PostgreSQL running there, and is the port right? (DATABASE_URL)`,
  );
  const unknown = await postgresProblem("postgres://marginalia:s3cret-word@no-such-host.invalid:5432/marginalia");
  assert.match(unknown ?? "", /no-such-host\.invalid/);
  assert.doesNotMatch(`${refused} ${unknown}`, /s3cret-word/);
});
