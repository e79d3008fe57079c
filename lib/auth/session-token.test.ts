import { test } from "node:test";
import assert from "node:assert/strict";
import { encode } from "next-auth/jwt";
import { readSessionToken } from "./session-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";

test("reads the tokens next-auth writes", async () => {
  const token = await encode({ token: { sub: "user-1", sv: 3, name: "Ada" }, secret });
  const claims = await readSessionToken(token, secret);
  assert.equal(claims?.sub, "user-1");
  assert.equal(claims?.sv, 3);
});

test("refuses a token from another secret, a tampered one, and an expired one", async () => {
  const token = await encode({ token: { sub: "user-1", sv: 1 }, secret });
  assert.equal(await readSessionToken(token, `${secret}-other`), null);
  const parts = token.split(".");
  parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
  assert.equal(await readSessionToken(parts.join("."), secret), null);
  assert.equal(await readSessionToken("not-a-token", secret), null);
  const expired = await encode({ token: { sub: "user-1", sv: 1 }, secret, maxAge: -60 });
  assert.equal(await readSessionToken(expired, secret), null);
});
