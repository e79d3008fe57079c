/** Helpers for tests that need a lesson folder, possibly broken on purpose. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";

export const fixtureLessonDir = path.join(process.cwd(), "content", "fixtures", "bike-lane-vote");

// Test edits reach into YAML of any shape, on purpose (that is how broken files are made).
type Edit = (data: any) => void;

/**
 * Copies a lesson folder to a temp folder (named after its slug) and applies edits to the
 * parsed YAML of the named files, e.g. `{ "questions.yaml": (d) => { d.questions[0].points = 0 } }`.
 */
export function copyLesson(from: string, edits: Record<string, Edit> = {}): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-lesson-")), path.basename(from));
  fs.cpSync(from, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir, file);
    const data = parse(fs.readFileSync(full, "utf8"));
    edit(data);
    fs.writeFileSync(full, stringify(data));
  }
  return dir;
}
