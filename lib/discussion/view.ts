/** What a passage's discussion looks like to one person: plain data, safe to send to the browser. */

/** What students see as the title of a thread whose opening post the instructor hid (the title is the post's words). */
export const HIDDEN_THREAD_TITLE = "Hidden post";
/** What stands in for that opening post. */
export const HIDDEN_OPENING_MARKER = "This post was hidden by the instructor.";

export type QuotedSentence = { id: string; text: string };

export type PostView = {
  id: string;
  authorName: string;
  authorIsInstructor: boolean;
  isYours: boolean;
  /** Empty when deleted. Plain text: the page renders it as text, never as HTML. */
  body: string;
  quote: QuotedSentence | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Hidden by the instructor (only its author and the instructor see it). */
  hidden: boolean;
  /** An opening post the instructor hid from this reader: shown as a marker, with no author or text. */
  withheld: boolean;
  canEdit: boolean;
  canReport: boolean;
  reportedByYou: boolean;
  /** For the instructor: open reports on this post. */
  reports: { reason: string; reporterName: string }[];
};

export type SnapshotAnswer = { label: string; text: string; cited: QuotedSentence[]; isYours: boolean };

export type ThreadView = {
  id: string;
  kind: "discussion" | "snapshot";
  title: string;
  prompt: string | null;
  pinned: boolean;
  locked: boolean;
  lastActivityAt: string;
  opening: PostView;
  replies: PostView[];
  canReply: boolean;
  /** For the instructor: what students see of this thread (null for everyone else). */
  studentsSee: "thread" | "replies-only" | "nothing" | null;
  snapshot: { question: string; named: boolean; answers: SnapshotAnswer[] } | null;
};

export type PassageDiscussion =
  | {
      mode: "class";
      classId: string;
      className: string;
      /** Every class of this person's that has the lesson, to switch between. */
      classes: { id: string; name: string }[];
      moderator: boolean;
      prompts: string[];
      sentences: QuotedSentence[];
      threads: ThreadView[];
      /** Snapshots of classmates' answers waiting for this student's submission. */
      snapshotsAfterSubmitting: number;
    }
  | { mode: "notebook"; prompts: string[]; entry: { body: string; updatedAt: string } | null };

/** Per passage key: posts this person can read, and how many are new since their last visit. */
export type DiscussionActivity = {
  classId: string;
  className: string;
  passages: Record<string, { posts: number; newPosts: number }>;
} | null;
