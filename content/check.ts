/**
 * Cross-reference checks on a lesson whose files each passed their schema: ids that must be
 * unique or must exist, answer keys that must make sense, and the article's words that must be
 * the source's own.
 */
import { citationScopeOf } from "@/lib/lesson/citation-scope";
import path from "node:path";
import type { ContentError, LoadedLesson } from "./load";
import type { QuestionContent } from "./schema";
import { normaliseWhitespace, wholeWordPattern } from "@/lib/text";

/** Lesson pages that sit beside the passages in the URL (/lessons/<slug>/summary). */
const RESERVED_PASSAGE_IDS = new Set(["summary"]);

type Report = (file: string, at: string, message: string) => void;

function findDuplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of ids) (seen.has(id) ? dupes : seen).add(id);
  return [...dupes];
}

/** Every check that spans more than one field or file. Returns no errors when the lesson is sound. */
export function checkLessonReferences(lesson: LoadedLesson): ContentError[] {
  const errors: ContentError[] = [];
  const folder = path.basename(lesson.dir);
  const report: Report = (file, at, message) => errors.push({ file: path.join(folder, file), path: at, message });
  const { meta, article, questions, glossary, voices } = lesson.content;

  if (meta.slug !== folder) {
    report("lesson.yaml", "slug", `must match the folder name "${folder}" (found "${meta.slug}")`);
  }

  // The article: ids unique across the lesson, so a sentence id alone finds its sentence.
  const passageOfSentence = new Map<string, string>();
  const sentenceIds: string[] = [];
  const paragraphIds: string[] = [];
  article.passages.forEach((passage, pi) => {
    passage.paragraphs.forEach((paragraph, gi) => {
      paragraphIds.push(paragraph.id);
      paragraph.sentences.forEach((sentence, si) => {
        sentenceIds.push(sentence.id);
        passageOfSentence.set(sentence.id, passage.id);
        const at = `passages[${pi}].paragraphs[${gi}].sentences[${si}]`;
        if (
          lesson.sourceText !== null &&
          !normaliseWhitespace(lesson.sourceText).includes(normaliseWhitespace(sentence.text))
        ) {
          report(
            "article.yaml",
            at,
            `sentence "${sentence.id}" is not word for word in source.txt: keep the article's own words`,
          );
        }
      });
    });
  });
  for (const [label, ids] of [
    ["passage", article.passages.map((p) => p.id)],
    ["paragraph", paragraphIds],
    ["sentence", sentenceIds],
  ] as const) {
    for (const id of findDuplicates([...ids]))
      report("article.yaml", "passages", `${label} id "${id}" is used more than once`);
  }

  article.passages.forEach((p, pi) => {
    if (RESERVED_PASSAGE_IDS.has(p.id))
      report(
        "article.yaml",
        `passages[${pi}].id`,
        `"${p.id}" is the address of a lesson page; choose another passage id`,
      );
  });
  const passageIds = new Set(article.passages.map((p) => p.id));
  for (const id of findDuplicates(questions.map((q) => q.id))) {
    report("questions.yaml", "questions", `question id "${id}" is used more than once`);
  }
  questions.forEach((q, qi) => {
    for (const message of checkQuestion(q, passageIds, passageOfSentence, article.passages.at(-1)?.id)) {
      report("questions.yaml", `questions[${qi}] (${q.id})${message.field ? `.${message.field}` : ""}`, message.text);
    }
  });

  for (const id of findDuplicates(glossary.map((t) => t.id)))
    report("glossary.yaml", "terms", `term id "${id}" is used more than once`);
  const articleText = article.passages
    .flatMap((p) => p.paragraphs.flatMap((g) => g.sentences.map((s) => s.text)))
    .join("\n");
  glossary.forEach((term, ti) => {
    if (!wholeWordPattern([term.term, ...term.aliases], "u").test(articleText)) {
      report(
        "glossary.yaml",
        `terms[${ti}] (${term.id})`,
        `neither "${term.term}" nor its aliases appear in the article, so it can never be marked`,
      );
    }
  });

  for (const id of findDuplicates(voices.map((v) => v.id)))
    report("voices.yaml", "voices", `voice id "${id}" is used more than once`);
  voices.forEach((voice, vi) => {
    voice.appearances.forEach((appearance, ai) => {
      if (!passageOfSentence.has(appearance.sentence)) {
        report(
          "voices.yaml",
          `voices[${vi}] (${voice.id}).appearances[${ai}].sentence`,
          `sentence "${appearance.sentence}" does not exist in article.yaml`,
        );
      }
    });
    for (const id of findDuplicates(voice.appearances.map((a) => a.sentence))) {
      report("voices.yaml", `voices[${vi}] (${voice.id}).appearances`, `sentence "${id}" is listed more than once`);
    }
  });

  return errors;
}

type QuestionProblem = { field?: string; text: string };

function checkQuestion(
  q: QuestionContent,
  passageIds: Set<string>,
  passageOfSentence: Map<string, string>,
  lastPassageId: string | undefined,
): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (!passageIds.has(q.passage))
    problems.push({ field: "passage", text: `passage "${q.passage}" does not exist in article.yaml` });
  // A question on the whole article is asked where the reader has read all of it.
  if (citationScopeOf(q) === "lesson" && passageIds.has(q.passage) && q.passage !== lastPassageId) {
    problems.push({
      field: "passage",
      text: `a question with citationScope "lesson" cites the whole article, so it belongs on the last passage ("${lastPassageId}"), not "${q.passage}"`,
    });
  }

  switch (q.type) {
    case "single_choice":
    case "multiple_select": {
      for (const id of findDuplicates(q.options.map((o) => o.id)))
        problems.push({ field: "options", text: `option id "${id}" is used more than once` });
      const correct = q.options.filter((o) => o.correct).length;
      if (q.type === "single_choice" && correct !== 1) {
        problems.push({
          field: "options",
          text: `a single choice question needs exactly one correct option (found ${correct})`,
        });
      }
      if (q.type === "multiple_select" && (correct === 0 || correct === q.options.length)) {
        problems.push({
          field: "options",
          text: `a multiple select question needs at least one correct and one incorrect option (found ${correct} of ${q.options.length} correct)`,
        });
      }
      break;
    }
    case "evidence": {
      const inPlace = (id: string, field: string) => {
        const home = passageOfSentence.get(id);
        if (home === undefined) problems.push({ field, text: `sentence "${id}" does not exist in article.yaml` });
        else if (home !== q.passage && citationScopeOf(q) !== "lesson")
          problems.push({
            field,
            text: `sentence "${id}" is in passage "${home}", not in this question's passage "${q.passage}"`,
          });
      };
      q.keySentences.forEach((id, i) => {
        inPlace(id, `keySentences[${i}]`);
      });
      (q.alsoAccepted ?? []).forEach((id, i) => {
        inPlace(id, `alsoAccepted[${i}]`);
        if (q.keySentences.includes(id))
          problems.push({ field: `alsoAccepted[${i}]`, text: `sentence "${id}" is already a key sentence` });
      });
      for (const id of findDuplicates(q.keySentences))
        problems.push({ field: "keySentences", text: `sentence "${id}" is listed more than once` });
      if (q.maxSelections !== undefined && q.maxSelections < q.keySentences.length) {
        problems.push({
          field: "maxSelections",
          text: `allows ${q.maxSelections} selections but the key has ${q.keySentences.length} sentences`,
        });
      }
      break;
    }
    case "open_response": {
      for (const id of findDuplicates(q.rubric.map((c) => c.id)))
        problems.push({ field: "rubric", text: `criterion id "${id}" is used more than once` });
      q.rubric.forEach((criterion, ci) => {
        const points = criterion.levels.map((l) => l.points);
        if (points.some((p, i) => i > 0 && p <= points[i - 1]!)) {
          problems.push({
            field: `rubric[${ci}].levels`,
            text: `levels of "${criterion.id}" must go up in points (found ${points.join(", ")})`,
          });
        }
      });
      const total = q.rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
      if (total !== q.points) {
        problems.push({ field: "points", text: `is ${q.points} but the rubric's top levels add up to ${total}` });
      }
      break;
    }
    case "short_answer":
      break;
  }
  return problems;
}
