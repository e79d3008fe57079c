/**
 * Question versions never change once imported, so each is read and validated once per process
 * and shared: the review queue and gradebook touch a question per answer (1,680 in a 40-student
 * class), and a learner's workspace every question of the lesson, on every request.
 * Keyed by the version's content hash, so equal content is one entry and nothing can go stale.
 */
import "server-only";
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../transaction";
import { questionVersions } from "../schema";
import { questionSchema, type QuestionContent } from "@/content/schema";

const parsed = new Map<string, QuestionContent>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The validated content of each question version named by its content hash (frozen: shared between requests). */
export async function questionContents(db: DbOrTx, hashes: Iterable<string>): Promise<Map<string, QuestionContent>> {
  const wanted = [...new Set(hashes)];
  const missing = wanted.filter((h) => !parsed.has(h));
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db
      .select({ hash: questionVersions.contentHash, content: questionVersions.content })
      .from(questionVersions)
      .where(inArray(questionVersions.contentHash, missing.slice(i, i + 500)));
    for (const r of rows) if (!parsed.has(r.hash)) parsed.set(r.hash, deepFreeze(questionSchema.parse(r.content)));
  }
  const out = new Map<string, QuestionContent>();
  for (const h of wanted) {
    const content = parsed.get(h);
    if (!content) throw new Error(`No question version with content hash ${h}`);
    out.set(h, content);
  }
  return out;
}

export async function questionContent(db: DbOrTx, hash: string): Promise<QuestionContent> {
  return (await questionContents(db, [hash])).get(hash)!;
}
