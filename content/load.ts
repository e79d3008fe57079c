/**
 * Reads a lesson folder from disk: parses each YAML file and validates its shape with zod.
 * Errors name the file and the field, so an author can find them.
 */
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { lessonFiles, type LessonContent } from "./schema";

export type ContentError = { file: string; path: string; message: string };

export type LoadedLesson = {
  dir: string;
  content: LessonContent;
  /** The source text the lesson was cut from, when the folder keeps it (source.txt). */
  sourceText: string | null;
  /** A hash of the parsed content: formatting and comments in the files do not change it. */
  contentHash: string;
};

export type LoadResult = { ok: true; lesson: LoadedLesson } | { ok: false; errors: ContentError[] };

export function formatContentError(e: ContentError): string {
  return `${e.file}${e.path ? ` › ${e.path}` : ""}: ${e.message}`;
}

/** `questions[3].options[1].text` style paths, as an author would look them up in the file. */
function issuePath(segments: readonly PropertyKey[]): string {
  return segments.map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${String(s)}`)).join("");
}

function parseFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
): { data: z.infer<S> } | { errors: ContentError[] } {
  const shown = path.join(path.basename(dir), file);
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) return { errors: [{ file: shown, path: "", message: "file is missing" }] };
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(full, "utf8"), { prettyErrors: true });
  } catch (err) {
    const message = err instanceof YAMLParseError ? err.message : String(err);
    return { errors: [{ file: shown, path: "", message: `not valid YAML: ${message}` }] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({
        file: shown,
        path: issuePath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { data: parsed.data };
}

export function loadLessonFolder(dir: string): LoadResult {
  const errors: ContentError[] = [];
  const parsed: Partial<Record<keyof typeof lessonFiles, unknown>> = {};
  for (const [file, schema] of Object.entries(lessonFiles) as [keyof typeof lessonFiles, z.ZodType][]) {
    const result = parseFile(dir, file, schema);
    if ("errors" in result) errors.push(...result.errors);
    else parsed[file] = result.data;
  }
  if (errors.length > 0) return { ok: false, errors };

  const content: LessonContent = {
    meta: parsed["lesson.yaml"] as LessonContent["meta"],
    article: parsed["article.yaml"] as LessonContent["article"],
    questions: (parsed["questions.yaml"] as { questions: LessonContent["questions"] }).questions,
    glossary: (parsed["glossary.yaml"] as { terms: LessonContent["glossary"] }).terms,
    voices: (parsed["voices.yaml"] as { voices: LessonContent["voices"] }).voices,
  };
  const sourceFile = path.join(dir, "source.txt");
  const sourceText = fs.existsSync(sourceFile) ? fs.readFileSync(sourceFile, "utf8") : null;
  const contentHash = createHash("sha256").update(JSON.stringify(content)).digest("hex");
  return { ok: true, lesson: { dir, content, sourceText, contentHash } };
}

/** The lesson folders under a content root (each folder holding a lesson.yaml). */
export function listLessonFolders(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, "lesson.yaml")))
    .map((d) => path.join(root, d.name))
    .sort();
}
