/**
 * Bearer tokens for a platform's LTI Advantage services (grades, roster): OAuth 2 client
 * credentials with a JWT assertion signed by the tool's key (RFC 7523, LTI Security Framework
 * §4.1), kept until a minute before they expire.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { importJWK, SignJWT } from "jose";
import type { ltiPlatforms } from "../../schema";
import { toolSigningKey } from "../lti-registrations";

type Platform = typeof ltiPlatforms.$inferSelect;
const tokens = new Map<string, { token: string; expiresAt: number }>();

/** A bearer token for the platform's services: client credentials with a JWT signed by the tool's key. */
export async function serviceToken(
  platform: Platform,
  scope: string,
  fetchImpl: typeof fetch,
  now: Date,
): Promise<string> {
  const key = `${platform.id} ${scope}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > now.getTime() + 60_000) return cached.token;
  const signing = await toolSigningKey(now);
  const iat = Math.floor(now.getTime() / 1000);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: "RS256", kid: signing.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(await importJWK(signing.privateJwk, "RS256"));
  const res = await fetchImpl(platform.tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok)
    throw new Error(`The LMS refused a service token: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== "string") throw new Error("The LMS's token answer had no access_token.");
  const lifetimeS = typeof body.expires_in === "number" ? body.expires_in : 3600;
  tokens.set(key, { token: body.access_token, expiresAt: now.getTime() + lifetimeS * 1000 });
  return body.access_token;
}
