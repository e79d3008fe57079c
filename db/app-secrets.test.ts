import assert from "node:assert/strict";
import { test } from "node:test";
import { freshAppDatabase } from "@/db/testing/test-database";
import { sharedSecret } from "./app-secrets";

await freshAppDatabase();

test("a shared secret is made once: servers asking at the same moment all get the same one", async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, () => sharedSecret("nextauth")));
  assert.equal(new Set(answers).size, 1);
  assert.ok(answers[0]!.length >= 40);
  assert.equal(await sharedSecret("nextauth"), answers[0]);
  assert.notEqual(await sharedSecret("another"), answers[0]);
});
