/** A self-learner's private notebook: one entry per person and passage, read only by its writer. */
import "server-only";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { notebookEntries } from "../schema";
import type { Actor } from "@/lib/actor";
import { requireSignedIn, findPassage } from "./internal/discussion-scope";

/** Saves a self-learner's notebook entry for a passage (private: only its writer ever reads it). */
export async function saveNotebookEntry(
  actor: Actor | null,
  input: { lessonSlug: string; passageKey: string; body: string },
  now = new Date(),
): Promise<{ updatedAt: string }> {
  const a = requireSignedIn(actor);
  const db = getDb();
  const passage = await findPassage(db, input.lessonSlug, { key: input.passageKey });
  await inTransaction(db, (tx) =>
    tx
      .insert(notebookEntries)
      .values({ userId: a.userId, passageId: passage.id, body: input.body, updatedAt: now })
      .onConflictDoUpdate({
        target: [notebookEntries.userId, notebookEntries.passageId],
        set: { body: input.body, updatedAt: now },
      }),
  );
  return { updatedAt: now.toISOString() };
}
