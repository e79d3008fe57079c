/**
 * LMS launches for the data-layer tests: a stand-in platform registered as an administrator
 * registers one, and whole launches through login initiation, with the platform's keys given
 * directly instead of fetched.
 */
import { createLocalJWKSet } from "jose";
import { beginLogin, completeLaunch } from "../access/lti-launch";
import { registerPlatform } from "../access/lti-registrations";
import { standInPlatform, type StandInPerson, type StandInPlatform } from "./lti-stand-in";
import type { Actor } from "@/lib/actor";

/** The tool's address in these tests. */
export const TEST_TOOL = "https://marginalia.school.example";

export async function registeredStandIn(issuer = "https://lms.school.example"): Promise<StandInPlatform> {
  const lms = await standInPlatform({ issuer });
  await registerPlatform({
    issuer: lms.issuer,
    clientId: lms.clientId,
    deploymentId: lms.deploymentId,
    authUrl: `${lms.issuer}/auth`,
    tokenUrl: `${lms.issuer}/token`,
    jwksUrl: `${lms.issuer}/jwks`,
  });
  return lms;
}

/** The platform's key set, as the tool would fetch it. */
export const keySetOf = (lms: StandInPlatform) => () => createLocalJWKSet({ keys: [lms.publicJwk] });

/** A login initiation as the platform sends it: the state and nonce the tool chose, and where it sent the person. */
export async function loginThrough(lms: StandInPlatform, now = new Date()) {
  const url = await beginLogin(
    { iss: lms.issuer, login_hint: "hint", target_link_uri: `${TEST_TOOL}/api/lti/launch`, client_id: lms.clientId },
    TEST_TOOL,
    now,
  );
  return { state: url.searchParams.get("state")!, nonce: url.searchParams.get("nonce")!, url };
}

/** A whole launch of `person`: the completed launch, and the actor it signed in. */
export async function launchThrough(
  lms: StandInPlatform,
  person: StandInPerson,
  options: Omit<Parameters<StandInPlatform["idToken"]>[0], "person" | "nonce"> & { nonce?: string } = {},
) {
  const { state, nonce } = await loginThrough(lms);
  const idToken = await lms.idToken({ ...options, person, nonce: options.nonce ?? nonce });
  const done = await completeLaunch({ id_token: idToken, state }, { keySetFor: keySetOf(lms) });
  const actor: Actor = { userId: done.userId, role: done.role, name: done.name, email: done.email };
  return { ...done, actor };
}
