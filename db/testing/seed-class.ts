/**
 * Demo seeding: a class with a given owner, in one transaction with its roster and assignment.
 * Tooling, not product: it takes no actor, so it lives here, beside the other seeds.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { assignments, classes, enrollments, lessons } from "../schema";
import { generateJoinCode, JOIN_CODE_LIFETIME_MS } from "@/lib/join-code";

export async function seedClass(
  input: { name: string; instructorId: string; studentIds: string[]; lessonSlugs: string[] },
  now = new Date(),
) {
  const db = getDb();
  return inTransaction(db, async (tx) => {
    const id = randomUUID();
    const joinCode = generateJoinCode();
    await tx.insert(classes).values({
      id,
      name: input.name,
      instructorId: input.instructorId,
      joinCode,
      joinCodeExpiresAt: new Date(now.getTime() + JOIN_CODE_LIFETIME_MS),
      createdAt: now,
    });
    for (const studentId of input.studentIds)
      await tx.insert(enrollments).values({ classId: id, studentId, joinedAt: now });
    for (const slug of input.lessonSlugs) {
      const lesson = (await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, slug)).limit(1))[0];
      if (lesson)
        await tx.insert(assignments).values({
          id: randomUUID(),
          classId: id,
          lessonId: lesson.id,
          dueAt: null,
          showAnswersAfterSubmit: true,
          createdAt: now,
        });
    }
    return { id, joinCode };
  });
}
