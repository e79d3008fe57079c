/**
 * Secrets the app makes for itself once and every app server then shares: the first server to
 * ask creates it, the others read the same row. Beside db/access, not in it: it has no actor,
 * and only start-up code (instrumentation.ts) reads it.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "./client";
import { appSecrets } from "./schema";
import { inTransaction } from "./transaction";

export async function sharedSecret(name: string, now = new Date()): Promise<string> {
  const db = getDb();
  await inTransaction(db, (tx) =>
    tx
      .insert(appSecrets)
      .values({ name, value: randomBytes(32).toString("base64url"), createdAt: now })
      .onConflictDoNothing(),
  );
  const row = (await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name)))[0];
  if (!row) throw new Error(`The shared secret ${name} could not be created.`);
  return row.value;
}
