/**
 * What a class's instructor pages show (the review queue, the gradebook), kept in this process
 * while the class's version is unchanged. The version is the sum of the class's counters in
 * class_versions, which database triggers raise in the same transaction as every change those
 * pages show (see the migration class_versions). Each request reads the version first, then
 * reuses the entry made at that version or computes afresh: an entry is never older than what
 * the database had when the request began, on one server or several (each keeps its own).
 * Callers check authorization before asking, and treat what they get as read-only: it is shared.
 */
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../client";
import { prepared } from "../../prepared";
import { answers, attempts, classVersions } from "../../schema";

/** Entries kept, the least recently used dropped first: a school's classes × a few views each. */
const MAX_ENTRIES = 500;

type Entry = { version: string; value: unknown };
// Shared by every copy of this module (Next.js may load one per server layer).
const shared = globalThis as unknown as { [key: symbol]: Map<string, Entry> | undefined };
const CACHE = Symbol.for("marginalia.classCache");
shared[CACHE] ??= new Map();
const entries = shared[CACHE];

export async function classVersion(classId: string): Promise<number> {
  const row = (
    await prepared(getDb(), "classCache.version", (d) =>
      d
        .select({ version: sql<number>`coalesce(sum(${classVersions.version}), 0)`.mapWith(Number) })
        .from(classVersions)
        .where(eq(classVersions.classId, sql.placeholder("classId")))
        .prepare(),
    ).execute({ classId })
  )[0];
  return Number(row?.version ?? 0);
}

/**
 * `compute()`'s value for this class and key, computed again only when the class has changed, or
 * (with `also`) when that extra fingerprint has: for what the class's version deliberately leaves
 * out, like drafts (see answersFingerprint).
 */
export async function cachedForClass<T>(
  classId: string,
  key: string,
  compute: () => Promise<T>,
  also?: () => Promise<string>,
): Promise<T> {
  const version = `${await classVersion(classId)}${also ? `/${await also()}` : ""}`;
  const id = `${classId}\u0000${key}`;
  const hit = entries.get(id);
  if (hit && hit.version === version) {
    entries.delete(id); // most recently used last
    entries.set(id, hit);
    return hit.value as T;
  }
  const value = await compute();
  entries.delete(id);
  entries.set(id, { version, value });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/**
 * Every answer in the class's attempts, drafts included, as count, sum of revisions and latest
 * save: each save adds one to its answer's revision, so any save, new answer or deletion changes
 * it (an answer deleted and another made in between also moves the latest save). The class's
 * version leaves drafts out (typing must not empty the review queue's entry); the roster's
 * "answered" counts need them.
 */
export async function answersFingerprint(classId: string): Promise<string> {
  const row = (
    await prepared(getDb(), "classCache.answers", (d) =>
      d
        .select({
          n: sql<number>`count(*)`.mapWith(Number),
          revisions: sql<number>`coalesce(sum(${answers.revision}), 0)`.mapWith(Number),
          latest: sql<number>`max(${answers.updatedAt})`.mapWith(String),
        })
        .from(answers)
        .innerJoin(attempts, eq(attempts.id, answers.attemptId))
        .where(eq(attempts.classId, sql.placeholder("classId")))
        .prepare(),
    ).execute({ classId })
  )[0];
  return `${row?.n ?? 0}:${row?.revisions ?? 0}:${row?.latest ?? ""}`;
}

/** Empties the cache (tests compare what it gives with what the database gives afresh). */
export function forgetClassCache(): void {
  entries.clear();
}
