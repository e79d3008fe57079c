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
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await readSessionToken(raw, authOptions.secret!);
  if (!token?.sub || typeof token.sv !== "number") return null;
  return await findSessionActor(token.sub, token.sv, typeof token.sid === "string" ? token.sid : undefined);
});

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
 * Re-issues this browser's session with a new session version, after a password change has
 * ended every other session of the account.
 */
export async function renewSession(actor: Actor, sessionVersion: number): Promise<void> {
  const token = await encode({
    token: { sub: actor.userId, name: actor.name, email: actor.email, sv: sessionVersion, sid: randomUUID() },
    secret: authOptions.secret!,
    maxAge: SESSION_MAX_AGE_S,
  });
  const secure = sessionCookieName().startsWith("__Secure-");
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: SESSION_MAX_AGE_S,
  });
}

/** Removes this browser's session cookie (after its sessions were ended). */
export async function clearSessionCookie(): Promise<void> {
  // Set, not delete(): a __Secure- cookie is only replaced by one that is Secure too.
  const name = sessionCookieName();
  (await cookies()).set(name, "", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: 0,
  });
}
