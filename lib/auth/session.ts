/**
 * The signed-in actor for pages and server actions, read from the session cookie and checked
 * against the database (the account exists and its sessions have not been ended).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { encode } from "next-auth/jwt";
import { readSessionToken } from "./session-token";
import { sessionRenewal } from "./session-renewal";
import { authOptions, SESSION_MAX_AGE_S } from "./options";
import type { Actor, Role } from "@/lib/actor";
import { ensureAuthUrl } from "@/lib/env";
import { findSessionActor } from "@/db/access/users";

/**
 * The actor of this request, or null. Cached per request. The session cookie is next-auth's
 * encrypted JWT, read here directly (next-auth's getServerSession would also run the session
 * callback, which counts unread feedback for the header: work no page or route needs), then
 * checked against the database: the account exists and its sessions have not been ended.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await sessionClaims();
  if (!token?.sub || typeof token.sv !== "number") return null;
  return await findSessionActor(token.sub, token.sv, typeof token.sid === "string" ? token.sid : undefined);
});

/** The session cookie's claims, or null: read once per request. */
const sessionClaims = cache(async () => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? await readSessionToken(raw, authOptions.secret!) : null;
});

/**
 * Issues this browser's session cookie again when it is due (lib/auth/session-renewal.ts): a
 * session in use lasts the term. Only route handlers and server actions may set cookies; the
 * caller has checked that the session is valid.
 */
export async function renewSessionIfDue(now = Date.now()): Promise<void> {
  const token = await sessionClaims();
  // Judged as of the next second: the encoder reads the clock again to set exp, and may read the
  // next second, which would put a term-capped session one second past its term.
  const due = token && sessionRenewal(token, Math.floor(now / 1000) + 1);
  if (!token || !due) return;
  const { iat: _issued, exp: _expires, jti: _id, ...claims } = token;
  await setSessionCookie(
    await encode({ token: { ...claims, auth_time: due.authTime }, secret: authOptions.secret!, maxAge: due.maxAgeS }),
    due.maxAgeS,
  );
}

async function setSessionCookie(value: string, maxAge: number): Promise<void> {
  const name = sessionCookieName();
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge,
  });
}

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requireActor(returnTo: string, role?: Role): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (role && actor.role !== role) redirect("/classes");
  return actor;
}

function sessionCookieName(): string {
  return ensureAuthUrl().startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * Signs this browser in as `actor` with a new session: after a password change has ended every
 * other session of the account (with the new session version), or after an LMS launch.
 */
export async function startSession(actor: Actor, sessionVersion: number): Promise<void> {
  const token = await encode({
    token: {
      sub: actor.userId,
      name: actor.name,
      email: actor.email,
      sv: sessionVersion,
      sid: randomUUID(),
      auth_time: Math.floor(Date.now() / 1000),
    },
    secret: authOptions.secret!,
    maxAge: SESSION_MAX_AGE_S,
  });
  await setSessionCookie(token, SESSION_MAX_AGE_S);
}

/** Removes this browser's session cookie (after its sessions were ended). */
export async function clearSessionCookie(): Promise<void> {
  // Set, not delete(): a __Secure- cookie is only replaced by one that is Secure too.
  await setSessionCookie("", 0);
}
