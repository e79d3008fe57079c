/**
 * The database schema. Change it here, then `npm run db:generate` writes the migration
 * (one per change, committed; landed migrations are never edited).
 *
 * Content rows carry the stable ids of the lesson files as `key` (unique within a lesson)
 * and a generated `id`, so user data can point at a row that survives re-imports.
 */
import { sqliteTable, text, integer, real, uniqueIndex, index, primaryKey } from "drizzle-orm/sqlite-core";
import type { LessonMeta, ParagraphContent, QuestionContent, VoiceContent } from "@/content/schema";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import type { InlineComment } from "@/lib/inline-comments";
import type { MarkTag } from "@/lib/reading/marks";

export const lessons = sqliteTable("lessons", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  standfirst: text("standfirst"),
  summary: text("summary").notNull(),
  source: text("source", { mode: "json" }).$type<LessonMeta["source"]>().notNull(),
  ageNotice: text("age_notice", { mode: "json" }).$type<LessonMeta["ageNotice"] | null>(),
  objectives: text("objectives", { mode: "json" }).$type<string[]>().notNull(),
  wordCount: integer("word_count").notNull(),
  readingMinutes: integer("reading_minutes").notNull(),
  /** Hash of the lesson's files as imported: a re-import with the same hash writes nothing. */
  contentHash: text("content_hash").notNull(),
  importedAt: integer("imported_at", { mode: "timestamp_ms" }).notNull(),
});

export const passages = sqliteTable(
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
    body: text("body", { mode: "json" }).$type<ParagraphContent[]>().notNull(),
    discussionPrompts: text("discussion_prompts", { mode: "json" }).$type<string[]>().notNull(),
    wordCount: integer("word_count").notNull(),
    /** Set when a re-import no longer has this passage; kept because user data may point at it. */
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("passages_lesson_key").on(t.lessonId, t.key)],
);

export const questions = sqliteTable(
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
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("questions_lesson_key").on(t.lessonId, t.key), index("questions_passage").on(t.passageId)],
);

/** Every version of every question, exactly as imported (the full content item as JSON). */
export const questionVersions = sqliteTable(
  "question_versions",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    version: integer("version").notNull(),
    contentHash: text("content_hash").notNull(),
    /** The question as written in the lesson file, validated by content/schema.ts on import. */
    content: text("content", { mode: "json" }).$type<QuestionContent>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.version] })],
);

export const glossaryTerms = sqliteTable(
  "glossary_terms",
  {
    id: text("id").primaryKey(),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    term: text("term").notNull(),
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull(),
    category: text("category", { enum: ["person", "organisation", "place", "term"] }).notNull(),
    definition: text("definition").notNull(),
  },
  (t) => [uniqueIndex("glossary_lesson_key").on(t.lessonId, t.key)],
);

export const voices = sqliteTable(
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
    appearances: text("appearances", { mode: "json" }).$type<VoiceContent["appearances"]>().notNull(),
  },
  (t) => [uniqueIndex("voices_lesson_key").on(t.lessonId, t.key)],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Stored lowercased and trimmed: emails are case-insensitive and unique. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["student", "instructor"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Part of every session token; bumping it ends every session of the account. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  /** The reader's text size, spacing and font as JSON (lib/reading/preferences.ts); null until they choose. */
  readingPreferences: text("reading_preferences"),
});

export const classes = sqliteTable(
  "classes",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    instructorId: text("instructor_id")
      .notNull()
      .references(() => users.id),
    joinCode: text("join_code").notNull().unique(),
    joinCodeExpiresAt: integer("join_code_expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("classes_instructor").on(t.instructorId)],
);

export const enrollments = sqliteTable(
  "enrollments",
  {
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id),
    joinedAt: integer("joined_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.studentId] }), index("enrollments_student").on(t.studentId)],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: text("id").primaryKey(),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    /** Whether students see the correct answers and explanations once they have submitted. */
    showAnswersAfterSubmit: integer("show_answers_after_submit", { mode: "boolean" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("assignments_class_lesson").on(t.classId, t.lessonId)],
);

/** Failed sign-ins, counted per account and per address, to slow down and then refuse guessing. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/**
 * One person's work on one lesson in one context: a class (the assignment) or self-study.
 * `contextKey` is the class id or "self", so the pair (user, lesson, context) is unique.
 */
export const attempts = sqliteTable(
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
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }).notNull(),
    /** Time spent working, summed from the gaps between saves that are short enough to be work. */
    activeSeconds: integer("active_seconds").notNull().default(0),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("attempts_user_lesson_context").on(t.userId, t.lessonId, t.contextKey),
    index("attempts_class_lesson").on(t.classId, t.lessonId),
  ],
);

export const answers = sqliteTable(
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
    response: text("response", { mode: "json" }).$type<AnswerResponse>().notNull(),
    /** Sentence ids an open response cites as its evidence. */
    citedSentences: text("cited_sentences", { mode: "json" }).$type<string[]>().notNull(),
    /** Counts the saves of this answer (each save replaces the last). */
    revision: integer("revision").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    /** Set at submission for automatically graded types; null while an answer awaits an instructor. */
    autoScore: real("auto_score"),
    maxPoints: integer("max_points").notNull(),
  },
  (t) => [uniqueIndex("answers_attempt_question").on(t.attemptId, t.questionId)],
);

/** Self-study: every time a learner asks for an answer to be checked, kept as their history. */
export const selfChecks = sqliteTable(
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
    response: text("response", { mode: "json" }).$type<AnswerResponse>().notNull(),
    citedSentences: text("cited_sentences", { mode: "json" }).$type<string[]>().notNull(),
    score: real("score"),
    maxPoints: integer("max_points").notNull(),
    checkedAt: integer("checked_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("self_checks_attempt_question").on(t.attemptId, t.questionId)],
);

/**
 * An instructor's feedback on one submitted answer: rubric levels, points, a comment, an
 * optional override of the automatic grade. Students see it only once returned; each return is
 * kept in feedback_history, so edits after returning leave a record.
 */
export const feedback = sqliteTable(
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
    rubricLevels: text("rubric_levels", { mode: "json" }).$type<Record<string, number>>().notNull(),
    /** The answer's points: the rubric's sum, or an override of the automatic grade. */
    points: real("points"),
    overrideReason: text("override_reason"),
    comment: text("comment").notNull(),
    /** Comments attached to words of the student's answer: character offsets into its text. */
    inlineComments: text("inline_comments", { mode: "json" }).$type<InlineComment[]>().notNull().default([]),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    /** When the latest version was returned; null while it is a draft only the instructor sees. */
    returnedAt: integer("returned_at", { mode: "timestamp_ms" }),
    /** Whether the returned feedback has changes the student has not returned to read yet. */
    unreadByStudent: integer("unread_by_student", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("feedback_instructor").on(t.instructorId)],
);

export const feedbackHistory = sqliteTable(
  "feedback_history",
  {
    id: text("id").primaryKey(),
    feedbackId: text("feedback_id")
      .notNull()
      .references(() => feedback.id),
    snapshot: text("snapshot", { mode: "json" })
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
    returnedAt: integer("returned_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("feedback_history_feedback").on(t.feedbackId)],
);

/** An instructor's reusable comments: for one question (of a lesson), or general (no question). */
export const savedComments = sqliteTable(
  "saved_comments",
  {
    id: text("id").primaryKey(),
    instructorId: text("instructor_id")
      .notNull()
      .references(() => users.id),
    questionId: text("question_id").references(() => questions.id),
    text: text("text").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("saved_comments_instructor").on(t.instructorId, t.questionId)],
);

/**
 * A discussion thread on one passage, in one class. A "snapshot" thread is the instructor
 * sharing some students' answers to one question (discussion_snapshot_answers) for the class
 * to compare; students see it only once they have submitted the lesson themselves.
 */
export const discussionThreads = sqliteTable(
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
    showNames: integer("show_names", { mode: "boolean" }).notNull().default(false),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** The latest post's time: threads are listed newest activity first. */
    lastActivityAt: integer("last_activity_at", { mode: "timestamp_ms" }).notNull(),
    pinnedAt: integer("pinned_at", { mode: "timestamp_ms" }),
    lockedAt: integer("locked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("discussion_threads_class_passage").on(t.classId, t.passageId)],
);

/** A post: the thread's opening post, or a reply to it. Deleting keeps the row (emptied) so replies keep their place. */
export const discussionPosts = sqliteTable(
  "discussion_posts",
  {
    id: text("id").primaryKey(),
    threadId: text("thread_id")
      .notNull()
      .references(() => discussionThreads.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    isOpening: integer("is_opening", { mode: "boolean" }).notNull(),
    /** Plain text; line breaks are kept, nothing is ever rendered as HTML. */
    body: text("body").notNull(),
    /** A sentence of the passage the post quotes (its stable id). */
    quotedSentenceId: text("quoted_sentence_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    /** Hidden by the instructor: still shown to its author and the instructor, marked hidden. */
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("discussion_posts_thread").on(t.threadId, t.createdAt),
    index("discussion_posts_author").on(t.authorId, t.createdAt),
  ],
);

/** The answers an instructor shared in a snapshot thread, in the order shown. */
export const discussionSnapshotAnswers = sqliteTable(
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
export const discussionReports = sqliteTable(
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
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("discussion_reports_post_reporter").on(t.postId, t.reporterId)],
);

/** When a person last saw a passage's discussion in a class: what is newer is "new" on the overview. */
export const discussionVisits = sqliteTable(
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
    seenAt: integer("seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.classId, t.passageId] })],
);

/** A self-learner's private reflections on a passage: one entry per person and passage. */
export const notebookEntries = sqliteTable(
  "notebook_entries",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    passageId: text("passage_id")
      .notNull()
      .references(() => passages.id),
    body: text("body").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.passageId] })],
);

/**
 * A reader's highlight on a passage's words, tagged, with an optional private note: a W3C Web
 * Annotation with a TextPositionSelector (start/end over the passage's text at `textVersion`,
 * lib/reading/marks.ts) and a TextQuoteSelector (exact, prefix, suffix) to re-anchor it by when an
 * import changes the text. Start and end are null while the mark could not be placed: it is kept,
 * quote and note, never lost. Read only by its writer; a class's counts per sentence carry no names.
 */
export const marks = sqliteTable(
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
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("marks_by_reader").on(t.userId, t.passageId), index("marks_by_passage").on(t.passageId)],
);

/**
 * Sessions ended by signing out. Sessions are JWTs that live in the browser, so a copy of one
 * would outlive a sign-out; its id is kept here until the token would have expired anyway.
 */
export const endedSessions = sqliteTable("ended_sessions", {
  sessionId: text("session_id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Secrets the app generates for itself and every app server must share, such as the key that
 * signs session tokens when NEXTAUTH_SECRET is not set (used on PostgreSQL; with SQLite the
 * secret is a file beside the database).
 */
export const appSecrets = sqliteTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * A counter per class and member (member "" for the class itself), raised by database triggers
 * (migration class_versions) whenever something a class's review queue or gradebook shows
 * changes: a submission, an answer or feedback of a submitted lesson, the roster, the
 * assignments, a lesson's content, a student's name. Their cache (db/access/internal/class-cache.ts)
 * holds while the sum of the class's counters is unchanged. One row per student, so that
 * classmates submitting at once do not write the same row (PostgreSQL would make them retry).
 */
export const classVersions = sqliteTable(
  "class_versions",
  {
    classId: text("class_id").notNull(),
    memberId: text("member_id").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.memberId] })],
);

/**
 * An LMS that launches Marginalia over LTI 1.3, registered by an administrator (`npm run
 * lti:register`): the platform's issuer and the client id it gave this tool, and where its
 * OpenID Connect login, OAuth token and signing keys are.
 */
export const ltiPlatforms = sqliteTable(
  "lti_platforms",
  {
    id: text("id").primaryKey(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    authUrl: text("auth_url").notNull(),
    tokenUrl: text("token_url").notNull(),
    jwksUrl: text("jwks_url").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("lti_platforms_issuer_client").on(t.issuer, t.clientId)],
);

/** The deployments of this tool a platform may launch from (a launch names one; others are refused). */
export const ltiDeployments = sqliteTable(
  "lti_deployments",
  {
    platformId: text("platform_id")
      .notNull()
      .references(() => ltiPlatforms.id),
    deploymentId: text("deployment_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.deploymentId] })],
);

/**
 * The tool's own RS256 signing keys (JWKs), made once and rotatable: the newest unretired one signs;
 * retired ones stay published a while, so what they signed can still be checked.
 */
export const ltiKeys = sqliteTable("lti_keys", {
  kid: text("kid").primaryKey(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  publicJwk: text("public_jwk", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  privateJwk: text("private_jwk", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
});

/**
 * A login begun by a platform (`/api/lti/login`), waiting for its launch: the state sent to the
 * platform and the nonce its id_token must carry. Used once, within minutes; kept in the database,
 * not a cookie, because the launch may arrive in an LMS frame whose cookies the browser drops.
 */
export const ltiLaunchStates = sqliteTable("lti_launch_states", {
  state: text("state").primaryKey(),
  platformId: text("platform_id").notNull(),
  nonce: text("nonce").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/** The Marginalia account of a person in an LMS: (issuer, subject) from their id_token, no password. */
export const ltiAccounts = sqliteTable(
  "lti_accounts",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), uniqueIndex("lti_accounts_user").on(t.userId)],
);

/** The Marginalia class of an LMS course (the launch's context), made on its first instructor launch. */
export const ltiContexts = sqliteTable(
  "lti_contexts",
  {
    issuer: text("issuer").notNull(),
    contextId: text("context_id").notNull(),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** The platform registration of the last launch from the course, and its roster service (NRPS), if it offered one. */
    platformId: text("platform_id"),
    membershipsUrl: text("memberships_url"),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.contextId] }), uniqueIndex("lti_contexts_class").on(t.classId)],
);

/**
 * A one-time pass from a launch inside an LMS frame (where the browser keeps no session) to a new
 * window: only its SHA-256 is stored; it signs its user in once, within two minutes.
 */
export const ltiTickets = sqliteTable("lti_tickets", {
  ticketHash: text("ticket_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  destination: text("destination").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * A deep-linking request waiting for the instructor's choice of lesson: where to hand the answer
 * back, the platform's opaque data, and who asked. Only its SHA-256 is stored; used once.
 */
export const ltiDeepLinks = sqliteTable("lti_deep_links", {
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
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  /** The course page's origin that frames the picker (the launch's return URL), allowed to frame the hand-back too. */
  frameOrigin: text("frame_origin"),
});

/** Where a class's scores for a lesson go: the LMS line item of the link that opened it (LTI AGS). */
export const ltiGradeLinks = sqliteTable(
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
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.lessonId] })],
);

/**
 * A student's score for a lesson, to be posted to the LMS: the score as the gradebook counts it now
 * (JSON) and its hash, the hash last accepted by the LMS (equal: nothing to send, so nothing is posted
 * twice), and the retries of a post that failed.
 */
export const ltiScorePosts = sqliteTable(
  "lti_score_posts",
  {
    classId: text("class_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id),
    score: text("score", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    scoreHash: text("score_hash").notNull(),
    sentHash: text("sent_hash"),
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.classId, t.lessonId, t.studentId] })],
);
