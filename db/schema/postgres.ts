/**
 * The schema on PostgreSQL: the same tables, columns, keys and indexes as ./sqlite.ts, in
 * PostgreSQL's types (timestamps with time zone, booleans, JSON). Change both together, then
 * `npm run db:generate` writes a migration for each engine; db/schema/schemas-match.test.ts
 * fails when they differ. The comments on each column are in ./sqlite.ts.
 */
import {
  pgTable,
  text,
  integer,
  doublePrecision,
  boolean,
  json,
  timestamp,
  uniqueIndex,
  index,
  primaryKey,
} from "drizzle-orm/pg-core";
import type { LessonMeta, ParagraphContent, QuestionContent, VoiceContent } from "@/content/schema";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import type { InlineComment } from "@/lib/inline-comments";
import type { MarkTag } from "@/lib/reading/marks";

export const lessons = pgTable("lessons", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  standfirst: text("standfirst"),
  summary: text("summary").notNull(),
  source: json("source").$type<LessonMeta["source"]>().notNull(),
  ageNotice: json("age_notice").$type<LessonMeta["ageNotice"] | null>(),
  objectives: json("objectives").$type<string[]>().notNull(),
  wordCount: integer("word_count").notNull(),
  readingMinutes: integer("reading_minutes").notNull(),
  /** Hash of the lesson's files as imported: a re-import with the same hash writes nothing. */
  contentHash: text("content_hash").notNull(),
  importedAt: timestamp("imported_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
});

export const passages = pgTable(
  "passages",
  {
    id: text("id").primaryKey(),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Paragraphs with their stable ids, each split into sentences with stable ids. */
    body: json("body").$type<ParagraphContent[]>().notNull(),
    discussionPrompts: json("discussion_prompts").$type<string[]>().notNull(),
    wordCount: integer("word_count").notNull(),
    /** Set when a re-import no longer has this passage; kept because user data may point at it. */
    retiredAt: timestamp("retired_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [uniqueIndex("passages_lesson_key").on(t.lessonId, t.key)],
);

export const questions = pgTable(
  "questions",
  {
    id: text("id").primaryKey(),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    passageId: text("passage_id")
      .notNull()
      .references(() => passages.id),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    type: text("type", {
      enum: ["single_choice", "multiple_select", "short_answer", "evidence", "open_response"],
    }).notNull(),
    kind: text("kind", { enum: ["comprehension", "critical"] }).notNull(),
    prompt: text("prompt").notNull(),
    points: integer("points").notNull(),
    /** The current version; answers record the version they were given to. */
    version: integer("version").notNull(),
    retiredAt: timestamp("retired_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [uniqueIndex("questions_lesson_key").on(t.lessonId, t.key), index("questions_passage").on(t.passageId)],
);

/** Every version of every question, exactly as imported (the full content item as JSON). */
export const questionVersions = pgTable(
  "question_versions",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    version: integer("version").notNull(),
    contentHash: text("content_hash").notNull(),
    /** The question as written in the lesson file, validated by content/schema.ts on import. */
    content: json("content").$type<QuestionContent>().notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.version] })],
);

export const glossaryTerms = pgTable(
  "glossary_terms",
  {
    id: text("id").primaryKey(),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    term: text("term").notNull(),
    aliases: json("aliases").$type<string[]>().notNull(),
    category: text("category", { enum: ["person", "organisation", "place", "term"] }).notNull(),
    definition: text("definition").notNull(),
  },
  (t) => [uniqueIndex("glossary_lesson_key").on(t.lessonId, t.key)],
);

export const voices = pgTable(
  "voices",
  {
    id: text("id").primaryKey(),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["person", "organisation", "government", "media", "unnamed"] }).notNull(),
    role: text("role").notNull(),
    affiliation: text("affiliation").notNull(),
    stake: text("stake").notNull(),
    appearances: json("appearances").$type<VoiceContent["appearances"]>().notNull(),
  },
  (t) => [uniqueIndex("voices_lesson_key").on(t.lessonId, t.key)],
);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  /** Stored lowercased and trimmed: emails are case-insensitive and unique. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["student", "instructor"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Part of every session token; bumping it ends every session of the account. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  /** The reader's text size, spacing and font as JSON (lib/reading/preferences.ts); null until they choose. */
  readingPreferences: text("reading_preferences"),
});

export const classes = pgTable(
  "classes",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    instructorId: text("instructor_id")
      .notNull()
      .references(() => users.id),
    joinCode: text("join_code").notNull().unique(),
    joinCodeExpiresAt: timestamp("join_code_expires_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index("classes_instructor").on(t.instructorId)],
);

export const enrollments = pgTable(
  "enrollments",
  {
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id),
    joinedAt: timestamp("joined_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.studentId] }), index("enrollments_student").on(t.studentId)],
);

export const assignments = pgTable(
  "assignments",
  {
    id: text("id").primaryKey(),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    dueAt: timestamp("due_at", { mode: "date", precision: 3, withTimezone: true }),
    /** Whether students see the correct answers and explanations once they have submitted. */
    showAnswersAfterSubmit: boolean("show_answers_after_submit").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("assignments_class_lesson").on(t.classId, t.lessonId)],
);

/** Failed sign-ins, counted per account and per address, to slow down and then refuse guessing. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { mode: "date", precision: 3, withTimezone: true }),
});

/**
 * One person's work on one lesson in one context: a class (the assignment) or self-study.
 * `contextKey` is the class id or "self", so the pair (user, lesson, context) is unique.
 */
export const attempts = pgTable(
  "attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    classId: text("class_id").references(() => classes.id),
    contextKey: text("context_key").notNull(),
    startedAt: timestamp("started_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    lastActiveAt: timestamp("last_active_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    /** Time spent working, summed from the gaps between saves that are short enough to be work. */
    activeSeconds: integer("active_seconds").notNull().default(0),
    submittedAt: timestamp("submitted_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [
    uniqueIndex("attempts_user_lesson_context").on(t.userId, t.lessonId, t.contextKey),
    index("attempts_class_lesson").on(t.classId, t.lessonId),
  ],
);

export const answers = pgTable(
  "answers",
  {
    id: text("id").primaryKey(),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    /** The version of the question this answer was given to. */
    questionVersion: integer("question_version").notNull(),
    /** The answer itself, shaped by the question's type (lib/answers/response.ts). */
    response: json("response").$type<AnswerResponse>().notNull(),
    /** Sentence ids an open response cites as its evidence. */
    citedSentences: json("cited_sentences").$type<string[]>().notNull(),
    /** Counts the saves of this answer (each save replaces the last). */
    revision: integer("revision").notNull(),
    updatedAt: timestamp("updated_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    /** Set at submission for automatically graded types; null while an answer awaits an instructor. */
    autoScore: doublePrecision("auto_score"),
    maxPoints: integer("max_points").notNull(),
  },
  (t) => [uniqueIndex("answers_attempt_question").on(t.attemptId, t.questionId)],
);

/** Self-study: every time a learner asks for an answer to be checked, kept as their history. */
export const selfChecks = pgTable(
  "self_checks",
  {
    id: text("id").primaryKey(),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    questionVersion: integer("question_version").notNull(),
    response: json("response").$type<AnswerResponse>().notNull(),
    citedSentences: json("cited_sentences").$type<string[]>().notNull(),
    score: doublePrecision("score"),
    maxPoints: integer("max_points").notNull(),
    checkedAt: timestamp("checked_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index("self_checks_attempt_question").on(t.attemptId, t.questionId)],
);

/**
 * An instructor's feedback on one submitted answer: rubric levels, points, a comment, an
 * optional override of the automatic grade. Students see it only once returned; each return is
 * kept in feedback_history, so edits after returning leave a record.
 */
export const feedback = pgTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    answerId: text("answer_id")
      .notNull()
      .unique()
      .references(() => answers.id),
    instructorId: text("instructor_id")
      .notNull()
      .references(() => users.id),
    /** Points chosen per rubric criterion id (open responses). */
    rubricLevels: json("rubric_levels").$type<Record<string, number>>().notNull(),
    /** The answer's points: the rubric's sum, or an override of the automatic grade. */
    points: doublePrecision("points"),
    overrideReason: text("override_reason"),
    comment: text("comment").notNull(),
    /** Comments attached to words of the student's answer: character offsets into its text. */
    inlineComments: json("inline_comments").$type<InlineComment[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    /** When the latest version was returned; null while it is a draft only the instructor sees. */
    returnedAt: timestamp("returned_at", { mode: "date", precision: 3, withTimezone: true }),
    /** Whether the returned feedback has changes the student has not returned to read yet. */
    unreadByStudent: boolean("unread_by_student").notNull().default(false),
  },
  (t) => [index("feedback_instructor").on(t.instructorId)],
);

export const feedbackHistory = pgTable(
  "feedback_history",
  {
    id: text("id").primaryKey(),
    feedbackId: text("feedback_id")
      .notNull()
      .references(() => feedback.id),
    snapshot: json("snapshot")
      // studentHadUnread: the student's unread flag just before this return, restored if it is taken back.
      .$type<{
        rubricLevels: Record<string, number>;
        points: number | null;
        overrideReason: string | null;
        comment: string;
        inlineComments?: InlineComment[];
        studentHadUnread?: boolean;
      }>()
      .notNull(),
    returnedAt: timestamp("returned_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index("feedback_history_feedback").on(t.feedbackId)],
);

/** An instructor's reusable comments: for one question (of a lesson), or general (no question). */
export const savedComments = pgTable(
  "saved_comments",
  {
    id: text("id").primaryKey(),
    instructorId: text("instructor_id")
      .notNull()
      .references(() => users.id),
    questionId: text("question_id").references(() => questions.id),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index("saved_comments_instructor").on(t.instructorId, t.questionId)],
);

/**
 * A discussion thread on one passage, in one class. A "snapshot" thread is the instructor
 * sharing some students' answers to one question (discussion_snapshot_answers) for the class
 * to compare; students see it only once they have submitted the lesson themselves.
 */
export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: text("id").primaryKey(),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    passageId: text("passage_id")
      .notNull()
      .references(() => passages.id),
    kind: text("kind", { enum: ["discussion", "snapshot"] }).notNull(),
    title: text("title").notNull(),
    /** The lesson's discussion prompt the thread was started from, if any. */
    prompt: text("prompt"),
    /** Snapshot threads: the question whose answers are shared, and whether names are shown. */
    questionId: text("question_id").references(() => questions.id),
    showNames: boolean("show_names").notNull().default(false),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    /** The latest post's time: threads are listed newest activity first. */
    lastActivityAt: timestamp("last_activity_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    pinnedAt: timestamp("pinned_at", { mode: "date", precision: 3, withTimezone: true }),
    lockedAt: timestamp("locked_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [index("discussion_threads_class_passage").on(t.classId, t.passageId)],
);

/** A post: the thread's opening post, or a reply to it. Deleting keeps the row (emptied) so replies keep their place. */
export const discussionPosts = pgTable(
  "discussion_posts",
  {
    id: text("id").primaryKey(),
    threadId: text("thread_id")
      .notNull()
      .references(() => discussionThreads.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    isOpening: boolean("is_opening").notNull(),
    /** Plain text; line breaks are kept, nothing is ever rendered as HTML. */
    body: text("body").notNull(),
    /** A sentence of the passage the post quotes (its stable id). */
    quotedSentenceId: text("quoted_sentence_id"),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    editedAt: timestamp("edited_at", { mode: "date", precision: 3, withTimezone: true }),
    deletedAt: timestamp("deleted_at", { mode: "date", precision: 3, withTimezone: true }),
    /** Hidden by the instructor: still shown to its author and the instructor, marked hidden. */
    hiddenAt: timestamp("hidden_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [
    index("discussion_posts_thread").on(t.threadId, t.createdAt),
    index("discussion_posts_author").on(t.authorId, t.createdAt),
  ],
);

/** The answers an instructor shared in a snapshot thread, in the order shown. */
export const discussionSnapshotAnswers = pgTable(
  "discussion_snapshot_answers",
  {
    threadId: text("thread_id")
      .notNull()
      .references(() => discussionThreads.id),
    answerId: text("answer_id")
      .notNull()
      .references(() => answers.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.answerId] })],
);

/** A student telling the instructor about a post; open until the instructor hides the post or dismisses it. */
export const discussionReports = pgTable(
  "discussion_reports",
  {
    id: text("id").primaryKey(),
    postId: text("post_id")
      .notNull()
      .references(() => discussionPosts.id),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [uniqueIndex("discussion_reports_post_reporter").on(t.postId, t.reporterId)],
);

/** When a person last saw a passage's discussion in a class: what is newer is "new" on the overview. */
export const discussionVisits = pgTable(
  "discussion_visits",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    passageId: text("passage_id")
      .notNull()
      .references(() => passages.id),
    seenAt: timestamp("seen_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.classId, t.passageId] })],
);

/** A self-learner's private reflections on a passage: one entry per person and passage. */
export const notebookEntries = pgTable(
  "notebook_entries",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    passageId: text("passage_id")
      .notNull()
      .references(() => passages.id),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.passageId] })],
);

/** A reader's highlight on a passage's words, tagged, with an optional private note. */
export const marks = pgTable(
  "marks",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    passageId: text("passage_id")
      .notNull()
      .references(() => passages.id),
    tag: text("tag").$type<MarkTag>().notNull(),
    note: text("note"),
    startOffset: integer("start_offset"),
    endOffset: integer("end_offset"),
    exact: text("exact").notNull(),
    prefix: text("prefix").notNull(),
    suffix: text("suffix").notNull(),
    textVersion: text("text_version").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index("marks_by_reader").on(t.userId, t.passageId), index("marks_by_passage").on(t.passageId)],
);

/**
 * Sessions ended by signing out. Sessions are JWTs that live in the browser, so a copy of one
 * would outlive a sign-out; its id is kept here until the token would have expired anyway.
 */
export const endedSessions = pgTable("ended_sessions", {
  sessionId: text("session_id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp("expires_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
});

export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
});

export const classVersions = pgTable(
  "class_versions",
  {
    classId: text("class_id").notNull(),
    memberId: text("member_id").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.memberId] })],
);

export const ltiPlatforms = pgTable(
  "lti_platforms",
  {
    id: text("id").primaryKey(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    authUrl: text("auth_url").notNull(),
    tokenUrl: text("token_url").notNull(),
    jwksUrl: text("jwks_url").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("lti_platforms_issuer_client").on(t.issuer, t.clientId)],
);

export const ltiDeployments = pgTable(
  "lti_deployments",
  {
    platformId: text("platform_id")
      .notNull()
      .references(() => ltiPlatforms.id),
    deploymentId: text("deployment_id").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.deploymentId] })],
);

export const ltiKeys = pgTable("lti_keys", {
  kid: text("kid").primaryKey(),
  createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  retiredAt: timestamp("retired_at", { mode: "date", precision: 3, withTimezone: true }),
  publicJwk: json("public_jwk").$type<Record<string, unknown>>().notNull(),
  privateJwk: json("private_jwk").$type<Record<string, unknown>>().notNull(),
});

export const ltiLaunchStates = pgTable("lti_launch_states", {
  state: text("state").primaryKey(),
  platformId: text("platform_id").notNull(),
  nonce: text("nonce").notNull(),
  expiresAt: timestamp("expires_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
});

export const ltiAccounts = pgTable(
  "lti_accounts",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), uniqueIndex("lti_accounts_user").on(t.userId)],
);

export const ltiContexts = pgTable(
  "lti_contexts",
  {
    issuer: text("issuer").notNull(),
    contextId: text("context_id").notNull(),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    platformId: text("platform_id"),
    membershipsUrl: text("memberships_url"),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.contextId] }), uniqueIndex("lti_contexts_class").on(t.classId)],
);

export const ltiTickets = pgTable("lti_tickets", {
  ticketHash: text("ticket_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  destination: text("destination").notNull(),
  expiresAt: timestamp("expires_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
});

export const ltiDeepLinks = pgTable("lti_deep_links", {
  requestHash: text("request_hash").primaryKey(),
  platformId: text("platform_id").notNull(),
  deploymentId: text("deployment_id").notNull(),
  returnUrl: text("return_url").notNull(),
  data: text("data"),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  classId: text("class_id")
    .notNull()
    .references(() => classes.id),
  expiresAt: timestamp("expires_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  frameOrigin: text("frame_origin"),
});

export const ltiGradeLinks = pgTable(
  "lti_grade_links",
  {
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    platformId: text("platform_id").notNull(),
    lineItemUrl: text("line_item_url").notNull(),
    createdAt: timestamp("created_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.lessonId] })],
);

export const ltiScorePosts = pgTable(
  "lti_score_posts",
  {
    classId: text("class_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id),
    score: json("score").$type<Record<string, unknown>>().notNull(),
    scoreHash: text("score_hash").notNull(),
    sentHash: text("sent_hash"),
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { mode: "date", precision: 3, withTimezone: true }).notNull(),
    claimedUntil: timestamp("claimed_until", { mode: "date", precision: 3, withTimezone: true }),
    sentAt: timestamp("sent_at", { mode: "date", precision: 3, withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.classId, t.lessonId, t.studentId] })],
);
