/**
 * Accounts: sign-up, sign-in, the session's actor, profile and password.
 * Emails are stored lowercased; passwords only as scrypt hashes; nothing here logs either.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { prepared } from "../prepared";
import { endedSessions, users } from "../schema";
import { attemptSucceeded, reserveAttempt } from "./sign-in-throttle";
import type { Actor, Role } from "@/lib/actor";
import { DomainError } from "@/lib/errors";
import { hashForUnknownAccounts, hashPassword, verifyPassword, type HashCost } from "@/lib/auth/password";
import { decideSignUpRole } from "@/lib/auth/signup-role";
import { describeWait } from "@/lib/auth/throttle";
import { parseStoredPreferences, type ReadingPreferences } from "@/lib/reading/preferences";
import { readingPreferencesSchema } from "@/lib/validation/reading-preferences";

type UserRow = typeof users.$inferSelect;

function toActor(u: UserRow): Actor {
  return { userId: u.id, role: u.role, name: u.name, email: u.email };
}

/** Creates an account. Used by sign-up, the user:create command and demo seeding. */
export async function createAccount(
  input: { email: string; name: string; password: string; role: Role },
  { hashCost }: { hashCost?: HashCost } = {},
): Promise<Actor> {
  const db = getDb();
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password, hashCost);
  const row = {
    id: randomUUID(),
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash,
    sessionVersion: 1,
    createdAt: new Date(),
  };
  const inserted = (
    await inTransaction(db, (tx) =>
      tx.insert(users).values(row).onConflictDoNothing({ target: users.email }).returning(),
    )
  )[0];
  // Said without confirming the email is taken; with no email verification this is as little as we can say.
  if (!inserted)
    throw new DomainError(
      "We could not create an account with these details. If you have signed up before, sign in instead.",
      "email",
    );
  return toActor(inserted);
}

/** Sign-up from the form: students by default, instructors with the site's instructor code. */
export async function signUp(
  input: { email: string; name: string; password: string; instructorCode?: string },
  configuredInstructorCode: string | undefined,
  options: { hashCost?: HashCost } = {},
): Promise<Actor> {
  const decision = decideSignUpRole(input.instructorCode, configuredInstructorCode);
  if ("error" in decision) throw new DomainError(decision.error, "instructorCode");
  return await createAccount({ ...input, role: decision.role }, options);
}

export type SignInResult = { ok: true; actor: Actor; sessionVersion: number } | { ok: false; message: string };

const INVALID = "That email and password do not match an account.";

/**
 * Checks a password, throttled per account and per address: slowed after repeated failures,
 * then refused for a while. Unknown emails cost the same time as known ones.
 */
export async function authenticate(
  emailInput: string,
  password: string,
  address: string,
  { now = new Date(), pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {},
): Promise<SignInResult> {
  const db = getDb();
  const email = emailInput.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const addressKey = `address:${address}`;
  const decision = await reserveAttempt(db, [accountKey, addressKey], now);
  if (!decision.allowed) {
    return { ok: false, message: `Too many failed sign-ins. Try again in ${describeWait(decision.retryAfterMs)}.` };
  }
  if (decision.delayMs > 0) await pause(decision.delayMs);

  const user = (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];
  // An account with no password (an LMS account) costs the same time as one with a password.
  const hasPassword = user?.passwordHash.startsWith("scrypt$");
  const valid =
    (await verifyPassword(password, hasPassword ? user!.passwordHash : await hashForUnknownAccounts())) && hasPassword;
  if (!user || !valid) return { ok: false, message: INVALID };
  await attemptSucceeded(db, accountKey, addressKey);
  return { ok: true, actor: toActor(user), sessionVersion: user.sessionVersion };
}

/**
 * The actor behind a session token, or null when the account is gone, its sessions were ended
 * (password change, sign out everywhere), or this session was signed out.
 */
export async function findSessionActor(
  userId: string,
  sessionVersion: number,
  sessionId?: string,
): Promise<Actor | null> {
  // Every signed-in request runs these, so they are built once.
  const db = getDb();
  const user = (
    await prepared(db, "users.byId", (d) =>
      d
        .select()
        .from(users)
        .where(eq(users.id, sql.placeholder("id")))
        .prepare(),
    ).execute({ id: userId })
  )[0];
  if (!user || user.sessionVersion !== sessionVersion) return null;
  if (sessionId) {
    const ended = (
      await prepared(db, "users.endedSession", (d) =>
        d
          .select({ id: endedSessions.sessionId })
          .from(endedSessions)
          .where(eq(endedSessions.sessionId, sql.placeholder("id")))
          .prepare(),
      ).execute({ id: sessionId })
    )[0];
    if (ended) return null;
  }
  return toActor(user);
}

/** Records a signed-out session so a copy of its token is refused until it would have expired; forgets expired ones. */
export async function endSession(sessionId: string, userId: string, expiresAt: Date, now = new Date()): Promise<void> {
  await inTransaction(getDb(), async (tx) => {
    await tx.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
    await tx.insert(endedSessions).values({ sessionId, userId, expiresAt }).onConflictDoNothing();
  });
}

export async function updateProfile(actor: Actor, input: { name: string }): Promise<Actor> {
  const updated = (
    await inTransaction(getDb(), (tx) =>
      tx.update(users).set({ name: input.name }).where(eq(users.id, actor.userId)).returning(),
    )
  )[0];
  return toActor(updated!);
}

/** The reader's own reading preferences, or null while they have chosen none. */
export async function getReadingPreferences(actor: Actor): Promise<ReadingPreferences | null> {
  // Read with every per-user view of a passage, so built once.
  const row = (
    await prepared(getDb(), "users.readingPreferences", (d) =>
      d
        .select({ stored: users.readingPreferences })
        .from(users)
        .where(eq(users.id, sql.placeholder("id")))
        .prepare(),
    ).execute({ id: actor.userId })
  )[0];
  return parseStoredPreferences(row?.stored);
}

/** Saves the reader's own reading preferences; checked here too, so nothing else can be stored. */
export async function saveReadingPreferences(actor: Actor, input: ReadingPreferences): Promise<ReadingPreferences> {
  const preferences = readingPreferencesSchema.parse(input);
  await inTransaction(getDb(), (tx) =>
    tx
      .update(users)
      .set({ readingPreferences: JSON.stringify(preferences) })
      .where(eq(users.id, actor.userId)),
  );
  return preferences;
}

/**
 * Changes the password after checking the current one, and ends every session of the account;
 * returns the new session version so the caller can keep the current session alive.
 */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  { hashCost }: { hashCost?: HashCost } = {},
): Promise<number> {
  const db = getDb();
  // Guesses at the current password (say, from a stolen session) count against the account.
  const accountKey = `account:${actor.email}`;
  const decision = await reserveAttempt(db, [accountKey], new Date());
  if (!decision.allowed)
    throw new DomainError(
      `Too many wrong passwords. Try again in ${describeWait(decision.retryAfterMs)}.`,
      "currentPassword",
    );
  const user = (await db.select().from(users).where(eq(users.id, actor.userId)).limit(1))[0];
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new DomainError("That is not your current password.", "currentPassword");
  }
  await attemptSucceeded(db, accountKey);
  const passwordHash = await hashPassword(input.newPassword, hashCost);
  const updated = (
    await inTransaction(db, (tx) =>
      tx
        .update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, actor.userId))
        .returning({ sessionVersion: users.sessionVersion }),
    )
  )[0];
  return updated!.sessionVersion;
}

/** Signs the account out on every device, this one included. */
export async function endAllSessions(actor: Actor): Promise<void> {
  await inTransaction(getDb(), (tx) =>
    tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId)),
  );
}

export async function countAccounts(): Promise<number> {
  return getDb().$count(users);
}
