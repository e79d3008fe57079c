import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { freshAppDatabase, dumpDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/db/testing/people";
import { users } from "@/db/schema";
import type { ReadingPreferences } from "@/lib/reading/preferences";
import { getReadingPreferences, saveReadingPreferences } from "./users";

const db = await freshAppDatabase();

test("a reader's preferences are their own: saved, read back, and never another's", async () => {
  const reader = await insertPerson(db, "student");
  const classmate = await insertPerson(db, "student");
  assert.equal(await getReadingPreferences(reader), null);

  const chosen: ReadingPreferences = { size: "larger", spacing: "relaxed", font: "legible" };
  assert.deepEqual(await saveReadingPreferences(reader, chosen), chosen);
  assert.deepEqual(await getReadingPreferences(reader), chosen);
  assert.equal(await getReadingPreferences(classmate), null);

  await saveReadingPreferences(reader, { size: "standard", spacing: "standard", font: "standard" });
  assert.deepEqual(await getReadingPreferences(reader), { size: "standard", spacing: "standard", font: "standard" });
});

test("anything but the offered choices is refused and writes nothing", async () => {
  const reader = await insertPerson(db, "student");
  await saveReadingPreferences(reader, { size: "large", spacing: "standard", font: "standard" });
  const before = await dumpDatabase(db);
  for (const bad of [
    { size: "huge", spacing: "standard", font: "standard" },
    { size: "large", spacing: "standard", font: "standard", script: "<script>" },
    { size: "large" },
  ])
    await assert.rejects(saveReadingPreferences(reader, bad as ReadingPreferences), ZodError);
  assert.deepEqual(await dumpDatabase(db), before);
});

test("a stored value this version does not understand reads as no preference, not an error", async () => {
  const reader = await insertPerson(db, "student");
  await db.update(users).set({ readingPreferences: '{"size":"enormous"}' }).where(eq(users.id, reader.userId));
  assert.equal(await getReadingPreferences(reader), null);
});
