"use client";

import Link from "next/link";
import type { PublicQuestion } from "@/lib/lesson/public-question";
import { QuestionCard, type ArticlePassage, type PassageSentence } from "./QuestionCard";
import { useWorkspace } from "./Workspace";
import styles from "./PassageQuestions.module.css";

/** The passage's questions, answerable once the learner's workspace (a WorkspaceProvider above) has loaded. */
export function PassageQuestions({
  lessonSlug,
  questions,
  sentences,
  article = null,
}: {
  lessonSlug: string;
  questions: PublicQuestion[];
  sentences: PassageSentence[];
  /** The whole article by passage, when a question here may cite any of it. */
  article?: ArticlePassage[] | null;
}) {
  return (
    <section aria-labelledby="questions-heading" className={styles.section}>
      <h2 id="questions-heading">
        Questions <span className={styles.count}>({questions.length})</span>
      </h2>
      <WorkspaceBanner lessonSlug={lessonSlug} />
      {questions.length === 0 ? (
        <p className="muted">This passage has no questions.</p>
      ) : (
        <ol className={styles.list}>
          {questions.map((q, i) => (
            <QuestionCard key={q.key} question={q} number={i + 1} sentences={sentences} article={article} />
          ))}
        </ol>
      )}
    </section>
  );
}

function WorkspaceBanner({ lessonSlug }: { lessonSlug: string }) {
  const ws = useWorkspace();
  const here = typeof window === "undefined" ? "" : window.location.pathname;
  if (ws.status === "loading") return <p className={styles.banner}>Loading your answers…</p>;
  if (ws.status === "anonymous") {
    return (
      <p className={styles.banner}>
        <Link prefetch={false} href={`/signin?callbackUrl=${encodeURIComponent(here || `/lessons/${lessonSlug}`)}`}>
          Sign in
        </Link>{" "}
        or{" "}
        <Link prefetch={false} href={`/signup?callbackUrl=${encodeURIComponent(here || `/lessons/${lessonSlug}`)}`}>
          create an account
        </Link>{" "}
        to answer. Answers save as you type.
      </p>
    );
  }
  if (ws.status === "error") {
    return (
      <p role="alert" className={styles.bannerError}>
        {ws.message}
      </p>
    );
  }
  const { context, submittedAt, answeredCount, questionCount } = ws.workspace;
  return (
    <div className={styles.banner}>
      <p>
        {context.mode === "class" ? (
          <>
            For <strong>{context.className}</strong>
            {submittedAt ? " · submitted" : ""}
          </>
        ) : (
          <>
            <strong>Self-study</strong>: check each answer when you are ready, as often as you like.
          </>
        )}
      </p>
      <p>
        <span>
          {answeredCount} of {questionCount} questions in this lesson answered
        </span>{" "}
        ·{" "}
        <Link href={`/lessons/${lessonSlug}/summary`} prefetch={false}>
          {context.mode === "class" && !submittedAt ? "Review and submit" : "Your summary"}
        </Link>
      </p>
    </div>
  );
}
