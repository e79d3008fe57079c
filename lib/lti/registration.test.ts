import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { platformRegistrationSchema } from "./registration";

const valid = {
  issuer: "https://canvas.instructure.com",
  clientId: "10000000000001",
  deploymentId: "1:abc",
  authUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
  tokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
  jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
};

const errorsOf = (input: unknown) => {
  const result = platformRegistrationSchema.safeParse(input);
  return result.success ? null : z.flattenError(result.error).fieldErrors;
};

test("a platform's registration is accepted as the LMS gives it", () => {
  assert.equal(errorsOf(valid), null);
  assert.equal(errorsOf({ ...valid, issuer: "http://localhost:4100", jwksUrl: "http://127.0.0.1:4100/jwks" }), null);
});

test("plain HTTP off this machine, a non-URL, credentials in a URL or a missing id are refused by field", () => {
  assert.deepEqual(errorsOf({ ...valid, issuer: "http://lms.example.org" })?.issuer, [
    "The issuer must start with https:// (http:// only for localhost).",
  ]);
  assert.deepEqual(errorsOf({ ...valid, tokenUrl: "not a url" })?.tokenUrl, ["The token URL is not a URL."]);
  assert.ok(errorsOf({ ...valid, jwksUrl: "https://user:pw@lms.example.org/jwks" })?.jwksUrl);
  assert.deepEqual(errorsOf({ ...valid, clientId: "  " })?.clientId, ["Give the client id."]);
  assert.ok(errorsOf({ ...valid, deploymentId: "a\u0000b" })?.deploymentId);
  assert.ok(errorsOf({ ...valid, issuer: "javascript:alert(1)" })?.issuer);
});
