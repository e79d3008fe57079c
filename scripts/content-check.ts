/** `npm run content:check [folder ...]`: validates lesson folders (default: every lesson under content/lessons). */
import path from "node:path";
import { checkLessonFolders, lessonsRoot } from "@/content/import";
import { listLessonFolders, formatContentError } from "@/content/load";

const dirs =
  process.argv.length > 2 ? process.argv.slice(2).map((d) => path.resolve(d)) : listLessonFolders(lessonsRoot);
if (dirs.length === 0) {
  console.error(`No lesson folders found under ${lessonsRoot}`);
  process.exit(1);
}
const result = checkLessonFolders(dirs);
if (!result.ok) {
  console.error(`Content check failed with ${result.errors.length} error(s):`);
  for (const e of result.errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
for (const l of result.lessons) {
  const { article, questions, glossary, voices } = l.content;
  console.log(
    `✓ ${l.content.meta.slug}: ${article.passages.length} passages, ${questions.length} questions, ${glossary.length} glossary terms, ${voices.length} voices`,
  );
}
