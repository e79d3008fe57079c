/**
 * next-auth (4.24, the stable line) with the credentials provider. Sessions are JWTs in an
 * httpOnly cookie; each token carries the account's session version, checked against the
 * database on every use (lib/auth/session.ts), so a password change or "sign out everywhere"
 * ends sessions at once.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { randomUUID } from "node:crypto";
import { authenticate, endSession, findSessionActor } from "@/db/access/users";
import { countUnreadFeedback } from "@/db/access/my-feedback";
import { signInSchema } from "@/lib/validation/accounts";
import { authSecret, ensureAuthUrl } from "@/lib/env";
import { SESSION_IDLE_S } from "./session-renewal";

ensureAuthUrl();

/** A session unused this long ends; one in use is renewed up to a term (lib/auth/session-renewal.ts). */
export const SESSION_MAX_AGE_S = SESSION_IDLE_S;

/** The client's address for throttling: X-Forwarded-For, which lib/security/client-address.ts has set to the one address it trusts. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  return (
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .pop() ?? "unknown"
  );
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) throw new Error("Enter your email and password.");
        let result: Awaited<ReturnType<typeof authenticate>>;
        try {
          result = await authenticate(parsed.data.email, parsed.data.password, clientAddress(req?.headers));
        } catch (err) {
          // next-auth shows a thrown message to the user: never let an internal one through.
          console.error("Sign-in failed unexpectedly", err);
          throw new Error("Signing in failed on our side. Please try again in a moment.");
        }
        // The message reaches the sign-in form; it never says whether the email exists.
        if (!result.ok) throw new Error(result.message);
        return {
          id: result.actor.userId,
          name: result.actor.name,
          email: result.actor.email,
          sessionVersion: result.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // This browser's session, so signing out can end it alone.
        token.sid = randomUUID();
        // When this sign-in happened: renewals carry it, so no session outlives its term.
        token.auth_time = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    async session({ session, token }) {
      // A token whose sessions were ended (password change, sign out everywhere) shows as signed out.
      const actor =
        token.sub && typeof token.sv === "number"
          ? await findSessionActor(token.sub, token.sv, typeof token.sid === "string" ? token.sid : undefined)
          : null;
      if (!actor) return { expires: session.expires };
      // The header shows students how much returned feedback they have not read yet.
      const unreadFeedback = actor.role === "student" ? await countUnreadFeedback(actor) : 0;
      return {
        ...session,
        user: { name: actor.name, email: actor.email },
        userId: actor.userId,
        role: actor.role,
        sv: token.sv,
        unreadFeedback,
      };
    },
  },
  events: {
    // A signed-out token must not work again if it was copied: its session id is refused until it expires.
    async signOut({ token }) {
      if (token?.sid && typeof token.sid === "string" && token.sub) {
        const expires =
          typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
        await endSession(token.sid, token.sub, expires);
      }
    },
  },
};
