/**
 * The format of a lesson on disk (content/lessons/<slug>/*.yaml), validated with zod.
 * Shapes are checked here; cross-references (ids that must exist, keys that must be real
 * sentences) are checked by `checkLessonReferences` in content/check.ts.
 */
import { z } from "zod";

/** Stable ids: lowercase words joined by hyphens, so they read well in URLs and in answers. */
export const stableId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "must be lowercase letters, digits and single hyphens (e.g. 'p03' or 'khalimov-defects')",
  })
  .max(80);

const text = z.string().trim().min(1, { error: "must not be empty" });

export const lessonMetaSchema = z.strictObject({
  slug: stableId,
  title: text,
  standfirst: text.optional(),
  source: z.strictObject({
    outlet: text,
    author: text,
    url: z.url().optional(),
    published: text.optional().describe("as the source gives it, e.g. 'June 2015'"),
    photoCredit: text.optional(),
  }),
  /** The notice the source itself carries about the story's age, and what it means for a reader. */
  ageNotice: z
    .strictObject({
      notice: text,
      meaning: text,
      checkBeforeRelying: z.array(text).min(1),
    })
    .optional(),
  summary: text,
  objectives: z.array(text).min(1),
});

export const sentenceSchema = z.strictObject({ id: stableId, text });

export const paragraphSchema = z.strictObject({
  id: stableId,
  sentences: z.array(sentenceSchema).min(1),
});

export const passageSchema = z.strictObject({
  id: stableId,
  title: text,
  paragraphs: z.array(paragraphSchema).min(1),
  discussionPrompts: z.array(text).min(1).max(3),
});

export const articleSchema = z.strictObject({
  passages: z.array(passageSchema).min(1),
});

const choiceOption = z.strictObject({
  id: stableId,
  text,
  correct: z.boolean(),
  explanation: text,
});

/**
 * Where a question's sentences may come from: its own passage (the default), or the whole article,
 * for questions that weigh the article as a whole. Such a question sits on the last passage, where
 * the reader has read everything (content:check says so). Absent means "passage", so adding the
 * field changed no stored question that does not use it.
 */
export const citationScopeSchema = z.enum(["passage", "lesson"]);
export type CitationScope = z.infer<typeof citationScopeSchema>;

const questionBase = {
  id: stableId,
  passage: stableId,
  kind: z.enum(["comprehension", "critical"]),
  prompt: text,
  points: z.number().int().positive().max(100),
};

export const singleChoiceSchema = z.strictObject({
  ...questionBase,
  type: z.literal("single_choice"),
  options: z.array(choiceOption).min(2).max(8),
});

export const multipleSelectSchema = z.strictObject({
  ...questionBase,
  type: z.literal("multiple_select"),
  options: z.array(choiceOption).min(3).max(10),
});

export const shortAnswerSchema = z.strictObject({
  ...questionBase,
  type: z.literal("short_answer"),
  acceptedAnswers: z.array(text).min(1),
  explanation: text,
  maxLength: z.number().int().positive().max(200).default(80),
});

export const evidenceSchema = z.strictObject({
  ...questionBase,
  type: z.literal("evidence"),
  /** Sentence ids of this passage (or, with citationScope "lesson", of the article) that support the claim in the prompt. */
  keySentences: z.array(stableId).min(1),
  /**
   * Sentences that are not evidence for the claim but are fair to include with it (the sentence
   * a key sentence points back to, or one that fits without proving): they neither earn nor cost.
   */
  alsoAccepted: z.array(stableId).optional(),
  citationScope: citationScopeSchema.optional(),
  maxSelections: z.number().int().positive().max(10).optional(),
  explanation: text,
});

export const rubricLevelSchema = z.strictObject({
  points: z.number().int().min(0),
  label: text,
  description: text,
});

export const rubricCriterionSchema = z.strictObject({
  id: stableId,
  name: text,
  levels: z.array(rubricLevelSchema).min(2).max(5),
});

export const openResponseSchema = z.strictObject({
  ...questionBase,
  type: z.literal("open_response"),
  rubric: z.array(rubricCriterionSchema).min(1).max(6),
  exemplar: text,
  maxLength: z.number().int().positive().max(10000).default(2000),
  /** Where the sentences an answer cites may come from. */
  citationScope: citationScopeSchema.optional(),
});

export const questionSchema = z.discriminatedUnion("type", [
  singleChoiceSchema,
  multipleSelectSchema,
  shortAnswerSchema,
  evidenceSchema,
  openResponseSchema,
]);

export const questionsFileSchema = z.strictObject({
  questions: z.array(questionSchema).min(1),
});

export const glossaryTermSchema = z.strictObject({
  id: stableId,
  term: text,
  /** Other spellings that should also be marked in the text ("IS", "Rahmon's"). */
  aliases: z.array(text).default([]),
  category: z.enum(["person", "organisation", "place", "term"]),
  definition: text,
});

export const glossaryFileSchema = z.strictObject({
  terms: z.array(glossaryTermSchema).min(1),
});

export const voiceAppearanceSchema = z.strictObject({
  sentence: stableId,
  /**
   * How the voice is in the sentence. quoted: their own words in quotation marks; paraphrased:
   * their words reported; reported: what they said, second hand; narrated: the outlet's own
   * words (its reporter's framing, with no source named); mentioned: spoken about, not speaking
   * (an action or position attributed to them).
   */
  mode: z.enum(["quoted", "paraphrased", "reported", "narrated", "mentioned"]),
});

export const voiceSchema = z.strictObject({
  id: stableId,
  name: text,
  kind: z.enum(["person", "organisation", "government", "media", "unnamed"]),
  role: text,
  affiliation: text,
  stake: text,
  appearances: z.array(voiceAppearanceSchema).min(1),
});

export const voicesFileSchema = z.strictObject({
  voices: z.array(voiceSchema).min(1),
});

export type LessonMeta = z.infer<typeof lessonMetaSchema>;
export type Article = z.infer<typeof articleSchema>;
export type PassageContent = z.infer<typeof passageSchema>;
export type ParagraphContent = z.infer<typeof paragraphSchema>;
export type Sentence = z.infer<typeof sentenceSchema>;
export type QuestionContent = z.infer<typeof questionSchema>;
export type QuestionType = QuestionContent["type"];
export type GlossaryTermContent = z.infer<typeof glossaryTermSchema>;
export type VoiceContent = z.infer<typeof voiceSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

/** A whole lesson as read from its folder, after shape validation. */
export type LessonContent = {
  meta: LessonMeta;
  article: Article;
  questions: QuestionContent[];
  glossary: GlossaryTermContent[];
  voices: VoiceContent[];
};

/** The files a lesson folder holds, and the schema of each. */
export const lessonFiles = {
  "lesson.yaml": lessonMetaSchema,
  "article.yaml": articleSchema,
  "questions.yaml": questionsFileSchema,
  "glossary.yaml": glossaryFileSchema,
  "voices.yaml": voicesFileSchema,
} as const;
