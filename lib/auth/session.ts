/**
 * The signed-in actor for pages and server actions, read from the session cookie and checked
 * against the database (the account exists and its sessions have not been ended).
 */
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { authOptions, SESSION_MAX_AGE_S } from "./options";
import type { Actor, Role } from "@/lib/actor";

type SessionWithActor = { userId?: string; role?: Role; user?: { name?: string | null; email?: string | null } };
import { ensureAuthUrl } from "@/lib/env";

/** The actor of this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  // The session callback (lib/auth/options.ts) has already checked the account and its session version.
  const session = (await getServerSession(authOptions)) as SessionWithActor | null;
  if (!session?.userId || !session.role || !session.user?.email) return null;
  return { userId: session.userId, role: session.role, name: session.user.name ?? "", email: session.user.email };
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
    token: { sub: actor.userId, name: actor.name, email: actor.email, sv: sessionVersion },
    secret: authOptions.secret!,
    maxAge: SESSION_MAX_AGE_S,
  });
  const secure = sessionCookieName().startsWith("__Secure-");
  (await cookies()).set(sessionCookieName(), token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_S });
}

/** Removes this browser's session cookie (after its sessions were ended). */
export async function clearSessionCookie(): Promise<void> {
  // Set, not delete(): a __Secure- cookie is only replaced by one that is Secure too.
  const name = sessionCookieName();
  (await cookies()).set(name, "", { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: 0 });
}
