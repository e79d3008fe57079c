/**
 * From lesson folders to the database: load, check, and only when every lesson is sound,
 * import them all in one transaction.
 */
import path from "node:path";
import type { Db } from "@/db/client";
import { importLessons, type LessonImportReport } from "@/db/access/lesson-content";
import { checkLessonReferences } from "./check";
import { listLessonFolders, loadLessonFolder, type ContentError, type LoadedLesson } from "./load";

/** Where the lessons shown to users live. Test fixtures live elsewhere and are imported by path. */
export const lessonsRoot = path.join(process.cwd(), "content", "lessons");

export type CheckResult = { ok: true; lessons: LoadedLesson[] } | { ok: false; errors: ContentError[] };

export function checkLessonFolders(dirs: readonly string[]): CheckResult {
  const errors: ContentError[] = [];
  const loaded: LoadedLesson[] = [];
  for (const dir of dirs) {
    const result = loadLessonFolder(dir);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const problems = checkLessonReferences(result.lesson);
    if (problems.length > 0) errors.push(...problems);
    else loaded.push(result.lesson);
  }
  const slugs = loaded.map((l) => l.content.meta.slug);
  for (const slug of new Set(slugs)) {
    if (slugs.filter((s) => s === slug).length > 1)
      errors.push({ file: slug, path: "lesson.yaml › slug", message: "two lesson folders share this slug" });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lessons: loaded };
}

export type ImportResult = { ok: true; reports: LessonImportReport[] } | { ok: false; errors: ContentError[] };

export async function importLessonFolders(
  db: Db,
  dirs: readonly string[] = listLessonFolders(lessonsRoot),
): Promise<ImportResult> {
  const checked = checkLessonFolders(dirs);
  if (!checked.ok) return checked;
  const reports = await importLessons(
    db,
    checked.lessons.map((l) => ({ content: l.content, contentHash: l.contentHash })),
  );
  return { ok: true, reports };
}
