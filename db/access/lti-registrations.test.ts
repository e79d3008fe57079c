import { test } from "node:test";
import assert from "node:assert/strict";
import { compactVerify, importJWK, CompactSign } from "jose";
import { freshAppDatabase } from "@/db/testing/test-database";
import { NotFoundError } from "@/lib/errors";
import {
  listPlatforms,
  publishedKeySet,
  registerPlatform,
  removePlatform,
  RETIRED_KEY_PUBLISHED_MS,
  rotateToolKey,
  toolSigningKey,
} from "./lti-registrations";

await freshAppDatabase();

const moodle = {
  issuer: "https://moodle.school.example",
  clientId: "abc123",
  deploymentId: "1",
  authUrl: "https://moodle.school.example/mod/lti/auth.php",
  tokenUrl: "https://moodle.school.example/mod/lti/token.php",
  jwksUrl: "https://moodle.school.example/mod/lti/certs.php",
};

test("a platform is registered once; the same issuer and client add deployments; removal is by deployment or whole", async () => {
  assert.equal((await registerPlatform(moodle)).added, "platform");
  assert.equal((await registerPlatform({ ...moodle, deploymentId: "2" })).added, "deployment");
  const again = await registerPlatform({ ...moodle, deploymentId: "2", tokenUrl: "https://moodle.school.example/t" });
  assert.equal(again.added, "nothing");
  assert.equal(again.platform.tokenUrl, "https://moodle.school.example/t", "its URLs are updated");
  await registerPlatform({ ...moodle, clientId: "other-client" });
  const listed = await listPlatforms();
  assert.deepEqual(
    listed.map((p) => [p.clientId, p.deploymentIds]),
    [
      ["abc123", ["1", "2"]],
      ["other-client", ["1"]],
    ],
  );

  assert.equal(
    (await removePlatform({ issuer: moodle.issuer, clientId: "abc123", deploymentId: "2" })).removed,
    "deployment",
  );
  await assert.rejects(removePlatform({ issuer: moodle.issuer, clientId: "abc123", deploymentId: "2" }), NotFoundError);
  assert.equal((await removePlatform({ issuer: moodle.issuer, clientId: "other-client" })).removed, "platform");
  await assert.rejects(removePlatform({ issuer: "https://nobody.example", clientId: "x" }), NotFoundError);
  assert.deepEqual(
    (await listPlatforms()).map((p) => [p.clientId, p.deploymentIds]),
    [["abc123", ["1"]]],
  );
});

test("the tool's key is made once, signs what its public half verifies, and stays published a week after rotation", async () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const first = await toolSigningKey(now);
  assert.equal((await toolSigningKey(now)).kid, first.kid, "made once");
  const published = await publishedKeySet(now);
  assert.deepEqual(
    published.keys.map((k) => k.kid),
    [first.kid],
  );
  for (const key of published.keys) {
    assert.equal(key.kty, "RSA");
    assert.equal(key.alg, "RS256");
    assert.equal(key.use, "sig");
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"])
      assert.equal(secret in key, false, `no ${secret} published`);
  }
  const signed = await new CompactSign(new TextEncoder().encode("hello"))
    .setProtectedHeader({ alg: "RS256", kid: first.kid })
    .sign(await importJWK(first.privateJwk, "RS256"));
  await compactVerify(signed, await importJWK(published.keys[0]!, "RS256"));

  const rotated = await rotateToolKey(now);
  assert.equal(rotated.retired, 1);
  assert.equal((await toolSigningKey(now)).kid, rotated.kid, "the new key signs");
  assert.deepEqual(
    (await publishedKeySet(now)).keys.map((k) => k.kid),
    [rotated.kid, first.kid],
  );
  const later = new Date(now.getTime() + RETIRED_KEY_PUBLISHED_MS + 1);
  assert.deepEqual(
    (await publishedKeySet(later)).keys.map((k) => k.kid),
    [rotated.kid],
    "a week after, the old key is no longer published",
  );
});
