/**
 * Who may do what in a class discussion: the class, passage, thread or post an action names,
 * checked against the acting user (student or instructor of the class), and the posting rate.
 * Internal to db/access; the exported functions of the discussion modules call these first.
 */
import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { type DbOrTx } from "../../transaction";
import { hasText } from "../../dialect";
import {
  answers,
  assignments,
  attempts,
  classes,
  discussionPosts,
  discussionThreads,
  lessons,
  passages,
} from "../../schema";
import type { Actor } from "@/lib/actor";
import { DomainError, ForbiddenError, NotFoundError, RateLimitError } from "@/lib/errors";
import { postRateDecision, postVisibility, POST_WINDOW_MS, snapshotVisible, type Viewer } from "@/lib/discussion/rules";
import { lessonStructure } from "../lesson-structure";
import { classesAssigningLesson } from "./class-membership";
import { type QuotedSentence } from "@/lib/discussion/view";

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in to join the discussion.");
  return actor;
}

export type ClassRef = { id: string; name: string; instructorId: string };

/** The classes in which this person discusses the lesson: as a student enrolled, or as the instructor, where it is assigned. */
export async function discussionClasses(db: DbOrTx, actor: Actor, lessonId: string): Promise<ClassRef[]> {
  if (actor.role === "student")
    return (await classesAssigningLesson(db, actor.userId, lessonId)).map((c) => ({
      id: c.classId,
      name: c.className,
      instructorId: c.instructorId,
    }));
  return await db
    .select({ id: classes.id, name: classes.name, instructorId: classes.instructorId })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(assignments.lessonId, lessonId), eq(classes.instructorId, actor.userId)))
    .orderBy(sql`${assignments.dueAt} is null`, asc(assignments.dueAt), asc(classes.name));
}

export type PassageRef = {
  id: string;
  key: string;
  lessonId: string;
  lessonSlug: string;
  prompts: string[];
  sentences: QuotedSentence[];
};

/** A passage of the kept lesson structure, by key (current passages) or by id (a thread's, even if retired since). */
export async function findPassage(
  db: DbOrTx,
  lessonSlug: string,
  passage: { key: string } | { id: string },
): Promise<PassageRef> {
  const lesson = await lessonStructure(db, lessonSlug);
  const found = "key" in passage ? lesson.passagesByKey.get(passage.key) : lesson.passagesById.get(passage.id);
  if (!found) throw new NotFoundError("Passage not found.");
  return {
    id: found.id,
    key: found.key,
    lessonId: lesson.id,
    lessonSlug: lesson.slug,
    prompts: found.prompts,
    sentences: found.sentences,
  };
}

/**
 * The questions (of those given) this person has answered and submitted, in any class: a
 * snapshot of classmates' answers opens only once their own, non-empty answer is in.
 */
export async function submittedAnswersTo(
  db: DbOrTx,
  userId: string,
  questionIds: (string | null)[],
): Promise<Set<string>> {
  const ids = [...new Set(questionIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ questionId: answers.questionId })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(
      and(
        eq(attempts.userId, userId),
        sql`${attempts.submittedAt} is not null`,
        inArray(answers.questionId, ids),
        hasText(answers.response),
      ),
    );
  return new Set(rows.map((r) => r.questionId));
}

/** Whether a thread is open to this viewer: every discussion thread; a snapshot once they have submitted their answer to its question. */
export function threadOpen(
  viewer: Viewer,
  thread: { kind: "discussion" | "snapshot"; questionId: string | null },
  answered: Set<string>,
): boolean {
  return (
    thread.kind === "discussion" || snapshotVisible(viewer, !!thread.questionId && answered.has(thread.questionId))
  );
}

/** One person in one class's discussion of one passage, with what they may see. */
export type Scope = {
  db: DbOrTx;
  actor: Actor;
  cls: ClassRef;
  classes: ClassRef[];
  passage: PassageRef;
  viewer: Viewer;
};

export async function classScope(
  db: DbOrTx,
  actor: Actor,
  passage: PassageRef,
  classId: string | undefined,
): Promise<Scope | { notebook: true; passage: PassageRef }> {
  const mine = await discussionClasses(db, actor, passage.lessonId);
  if (mine.length === 0 && classId === undefined) return { notebook: true, passage };
  const cls = classId === undefined ? mine[0] : mine.find((c) => c.id === classId);
  if (!cls) throw new NotFoundError("That class's discussion is not one you belong to.");
  const moderator = cls.instructorId === actor.userId;
  return {
    db,
    actor,
    cls,
    classes: mine,
    passage,
    viewer: { userId: actor.userId, moderator },
  };
}

export async function requireClassScope(
  db: DbOrTx,
  actor: Actor,
  passage: PassageRef,
  classId: string,
): Promise<Scope> {
  const scope = await classScope(db, actor, passage, classId);
  if ("notebook" in scope) throw new NotFoundError("That class's discussion is not one you belong to.");
  return scope;
}

/** The class when the actor is its instructor; for anyone else (students included) it does not exist. */
export async function instructorsClass(db: DbOrTx, actor: Actor, classId: string) {
  const cls = (
    await db
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.instructorId, actor.userId)))
      .limit(1)
  )[0];
  if (!cls) throw new NotFoundError("Class not found.");
  return cls;
}

/** The thread and the actor's scope in its class; a thread the actor may not see does not exist for them. */
export async function threadScope(db: DbOrTx, actor: Actor, threadId: string) {
  const thread = (await db.select().from(discussionThreads).where(eq(discussionThreads.id, threadId)).limit(1))[0];
  if (!thread) throw new NotFoundError("That thread does not exist.");
  const lesson = (
    await db
      .select({ slug: lessons.slug })
      .from(passages)
      .innerJoin(lessons, eq(lessons.id, passages.lessonId))
      .where(eq(passages.id, thread.passageId))
      .limit(1)
  )[0];
  if (!lesson) throw new NotFoundError("That thread does not exist.");
  const scope = await requireClassScope(
    db,
    actor,
    await findPassage(db, lesson.slug, { id: thread.passageId }),
    thread.classId,
  );
  if (!threadOpen(scope.viewer, thread, await submittedAnswersTo(db, actor.userId, [thread.questionId])))
    throw new NotFoundError("That thread does not exist.");
  return { scope, thread };
}

/** A post, its thread, and the actor's scope; a post the actor cannot see does not exist for them. */
export async function postScope(db: DbOrTx, actor: Actor, postId: string) {
  const post = (await db.select().from(discussionPosts).where(eq(discussionPosts.id, postId)).limit(1))[0];
  if (!post) throw new NotFoundError("That post does not exist.");
  const { scope, thread } = await threadScope(db, actor, post.threadId);
  // A reply stays readable when its opening post is hidden (the thread shows a marker), so the post's own visibility is what counts.
  if (postVisibility(scope.viewer, post) === "none") throw new NotFoundError("That post does not exist.");
  return { scope, thread, post };
}

export function requireModerator(scope: Scope) {
  if (!scope.viewer.moderator) throw new ForbiddenError("Only the class's instructor can moderate its discussion.");
}

/** A sentence id a post quotes must be a sentence of this passage. */
export function checkedQuote(passage: PassageRef, sentenceId: string | null | undefined): string | null {
  if (!sentenceId) return null;
  if (!passage.sentences.some((s) => s.id === sentenceId))
    throw new DomainError("Quote a sentence of this passage.", "quotedSentenceId");
  return sentenceId;
}

export async function checkRate(db: DbOrTx, actor: Actor, now: Date) {
  const recent = (
    await db
      .select({ createdAt: discussionPosts.createdAt })
      .from(discussionPosts)
      .where(
        and(
          eq(discussionPosts.authorId, actor.userId),
          gt(discussionPosts.createdAt, new Date(now.getTime() - POST_WINDOW_MS)),
        ),
      )
  ).map((r) => r.createdAt);
  const decision = postRateDecision(recent, now);
  if (!decision.allowed) {
    throw new RateLimitError(
      `You have posted a lot in the last minute. Wait ${decision.retryAfterSeconds} seconds, then post again: your text is still here.`,
      decision.retryAfterSeconds,
      "body",
    );
  }
}
