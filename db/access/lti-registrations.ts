/**
 * The LMS platforms registered to launch Marginalia over LTI 1.3, and the tool's own signing keys.
 * Only an administrator changes them, from this machine (`npm run lti:register`, `lti:list`,
 * `lti:remove`, `lti:rotate-key`: scripts/lti.ts), so these functions take no actor and no route
 * writes through them; the public half of the keys is served at GET /api/lti/jwks.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, or, gt } from "drizzle-orm";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { getDb } from "../client";
import { inTransaction, type Tx } from "../transaction";
import { ltiDeployments, ltiKeys, ltiPlatforms } from "../schema";
import type { PlatformRegistration, PlatformRemoval } from "@/lib/lti/registration";
import { NotFoundError } from "@/lib/errors";

export type RegisteredPlatform = {
  id: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
};

/** The platform registered with this issuer and client id (the pair a launch names), if any. */
async function platformOf(tx: Tx, { issuer, clientId }: { issuer: string; clientId: string }) {
  return (
    await tx
      .select({ id: ltiPlatforms.id })
      .from(ltiPlatforms)
      .where(and(eq(ltiPlatforms.issuer, issuer), eq(ltiPlatforms.clientId, clientId)))
      .limit(1)
  )[0];
}

/**
 * Registers a platform, or (same issuer and client id) updates its URLs and adds the deployment:
 * one LMS often has several deployments of one tool.
 */
export async function registerPlatform(
  input: PlatformRegistration,
  now = new Date(),
): Promise<{ platform: RegisteredPlatform; added: "platform" | "deployment" | "nothing" }> {
  const db = getDb();
  const added = await inTransaction(db, async (tx) => {
    const existing = await platformOf(tx, input);
    const urls = { authUrl: input.authUrl, tokenUrl: input.tokenUrl, jwksUrl: input.jwksUrl };
    const id = existing?.id ?? randomUUID();
    if (existing) await tx.update(ltiPlatforms).set(urls).where(eq(ltiPlatforms.id, id));
    else
      await tx
        .insert(ltiPlatforms)
        .values({ id, issuer: input.issuer, clientId: input.clientId, ...urls, createdAt: now });
    const inserted = await tx
      .insert(ltiDeployments)
      .values({ platformId: id, deploymentId: input.deploymentId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: ltiDeployments.deploymentId });
    return !existing ? "platform" : inserted.length > 0 ? "deployment" : "nothing";
  });
  const platform = (await listPlatforms()).find((p) => p.issuer === input.issuer && p.clientId === input.clientId)!;
  return { platform, added };
}

export async function listPlatforms(): Promise<RegisteredPlatform[]> {
  const db = getDb();
  const platforms = await db.select().from(ltiPlatforms).orderBy(ltiPlatforms.issuer, ltiPlatforms.clientId);
  const deployments = await db.select().from(ltiDeployments).orderBy(ltiDeployments.deploymentId);
  return platforms.map((p) => ({
    id: p.id,
    issuer: p.issuer,
    clientId: p.clientId,
    authUrl: p.authUrl,
    tokenUrl: p.tokenUrl,
    jwksUrl: p.jwksUrl,
    deploymentIds: deployments.filter((d) => d.platformId === p.id).map((d) => d.deploymentId),
  }));
}

/** Removes one deployment, or (without one) the platform and all its deployments. */
export async function removePlatform(input: PlatformRemoval): Promise<{ removed: "platform" | "deployment" }> {
  const db = getDb();
  return await inTransaction(db, async (tx) => {
    const platform = await platformOf(tx, input);
    if (!platform) throw new NotFoundError("No platform is registered with that issuer and client id.");
    if (input.deploymentId) {
      const gone = await tx
        .delete(ltiDeployments)
        .where(and(eq(ltiDeployments.platformId, platform.id), eq(ltiDeployments.deploymentId, input.deploymentId)))
        .returning({ id: ltiDeployments.deploymentId });
      if (gone.length === 0) throw new NotFoundError("That platform has no such deployment.");
      return { removed: "deployment" as const };
    }
    await tx.delete(ltiDeployments).where(eq(ltiDeployments.platformId, platform.id));
    await tx.delete(ltiPlatforms).where(eq(ltiPlatforms.id, platform.id));
    return { removed: "platform" as const };
  });
}

/** How long a retired key stays published: longer than any platform keeps a key set or a token lives. */
export const RETIRED_KEY_PUBLISHED_MS = 7 * 24 * 60 * 60 * 1000;

async function newKey(now: Date) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const row = {
    kid,
    publicJwk: { ...publicJwk, kid, alg: "RS256", use: "sig" },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "RS256" },
    createdAt: now,
    retiredAt: null,
  };
  await inTransaction(getDb(), (tx) => tx.insert(ltiKeys).values(row));
  return row;
}

/** The key the tool signs with: the newest not retired, made on first use. */
export async function toolSigningKey(now = new Date()): Promise<{ kid: string; privateJwk: JWK }> {
  const current = (
    await getDb().select().from(ltiKeys).where(isNull(ltiKeys.retiredAt)).orderBy(desc(ltiKeys.createdAt)).limit(1)
  )[0];
  const key = current ?? (await newKey(now));
  return { kid: key.kid, privateJwk: key.privateJwk as JWK };
}

/** A new signing key; the old ones are retired, still published for a week. */
export async function rotateToolKey(now = new Date()): Promise<{ kid: string; retired: number }> {
  const retired = await inTransaction(getDb(), (tx) =>
    tx.update(ltiKeys).set({ retiredAt: now }).where(isNull(ltiKeys.retiredAt)).returning({ kid: ltiKeys.kid }),
  );
  const key = await newKey(now);
  return { kid: key.kid, retired: retired.length };
}

/** The public keys platforms check the tool's messages with: current ones and those retired this week. */
export async function publishedKeySet(now = new Date()): Promise<{ keys: JWK[] }> {
  await toolSigningKey(now); // a platform may ask before anything was signed
  const rows = await getDb()
    .select({ publicJwk: ltiKeys.publicJwk, retiredAt: ltiKeys.retiredAt, createdAt: ltiKeys.createdAt })
    .from(ltiKeys)
    .where(or(isNull(ltiKeys.retiredAt), gt(ltiKeys.retiredAt, new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS))));
  // The signing key first, then the retired ones, newest first.
  rows.sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt) || b.createdAt.getTime() - a.createdAt.getTime());
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/**
 * The origins that may frame Marginalia's LMS pages (CSP frame-ancestors): each registered
 * platform's issuer and login URL, where its pages are served.
 */
export async function platformFrameOrigins(): Promise<string[]> {
  const rows = await getDb().select({ issuer: ltiPlatforms.issuer, authUrl: ltiPlatforms.authUrl }).from(ltiPlatforms);
  return [...new Set(rows.flatMap((r) => [new URL(r.issuer).origin, new URL(r.authUrl).origin]))].sort();
}
