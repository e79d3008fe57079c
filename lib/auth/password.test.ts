import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, verifyPassword } from "./password";

test("a password hashes and verifies, and the stored hash is not the password", async () => {
  const hash = await hashPassword("correct horse battery staple");
  assert.ok(!hash.includes("correct horse"));
  assert.match(hash, /^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.equal(await verifyPassword("correct horse battery staple", hash), true);
  assert.equal(await verifyPassword("correct horse battery stapler", hash), false);
});

test("the same password hashes differently each time (salted)", async () => {
  assert.notEqual(await hashPassword("same password"), await hashPassword("same password"));
});

test("a malformed stored hash never verifies", async () => {
  assert.equal(await verifyPassword("x", "plain-text"), false);
  assert.equal(await verifyPassword("x", "bcrypt$1$2$3$4$5"), false);
});
