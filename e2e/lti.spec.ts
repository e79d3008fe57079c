import { expect, test } from "@playwright/test";

/** What a platform administrator's LMS fetches from the tool before any launch: its public keys. */
test("the tool's public signing keys are served at /api/lti/jwks, without their private halves", async ({
  request,
}) => {
  const res = await request.get("/api/lti/jwks");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("public, max-age=300");
  const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
    expect(typeof key.kid).toBe("string");
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(secret);
  }
  // The same keys on the next request: made once, not per request.
  expect(((await (await request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] }).keys[0]!.kid).toBe(
    keys[0]!.kid,
  );
});
