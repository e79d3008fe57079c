import type { Metadata } from "next";
import Link from "next/link";
import { taughtClassName } from "@/db/access/classes";
import { getReviewQueue } from "@/db/access/review";
import { getClassMarks } from "@/db/access/marks";
import { assignedLessonsOf } from "@/db/access/gradebook";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { NotFoundError } from "@/lib/errors";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ReviewWorkbench } from "@/components/review/ReviewWorkbench";
import { shortTitle } from "@/lib/review/question-title";
import styles from "./review.module.css";

export const metadata: Metadata = { title: "Review answers" };

type Search = {
  lesson?: string | string[];
  question?: string | string[];
  state?: string | string[];
  anonymous?: string | string[];
};
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Search> };

const STATES = { "needs-review": "Needs review", draft: "Reviewed, not returned", returned: "Returned" } as const;

function needsText(q: { needsReview: number; total: number }): string {
  return q.needsReview > 0 ? `${q.needsReview} of ${q.total} need review` : `all ${q.total} reviewed`;
}

function one(v: string | string[] | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export default async function ReviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const stateParam = one(search.state);
  const state = stateParam && stateParam in STATES ? (stateParam as keyof typeof STATES) : undefined;
  const anonymous = one(search.anonymous) === "1";
  const actor = await requireActor(`/classes/${id}/review`);
  const lesson = one(search.lesson);
  const queue = await orNotFound(
    getReviewQueue(actor, id, { lessonSlug: lesson, questionKey: one(search.question), state, anonymous }),
  );
  const lessonsInClass = await orNotFound(assignedLessonsOf(actor, id));
  const className = await orNotFound(taughtClassName(actor, id));
  const { questions, current } = queue;
  // The class's marks are beside the answer, not needed for it: a lesson no longer assigned just has none shown.
  const marked = current
    ? await getClassMarks(actor, id, current.lessonSlug).catch((err) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      })
    : null;
  const chosen = questions.find((q) => q.key === current?.key);
  const waiting = questions.reduce((n, q) => n + q.needsReview, 0);
  const href = (
    change: Partial<{
      lesson: string | undefined;
      question: string | undefined;
      state: string | undefined;
      anonymous: boolean;
    }>,
  ) => {
    const next = { lesson, question: current?.key, state, anonymous, ...change };
    const params = new URLSearchParams();
    if (next.lesson) params.set("lesson", next.lesson);
    if (next.question) params.set("question", next.question);
    if (next.state) params.set("state", next.state);
    if (next.anonymous) params.set("anonymous", "1");
    return `/classes/${id}/review?${params}`;
  };

  // The question list (folded, so the answers come first on a phone), the filters and the prompt.
  const header = (
    <>
      <nav aria-label="Questions to review" className={styles.questions}>
        <details>
          <summary>
            {chosen ? (
              <>
                <span className={styles.summaryLabel}>Question {chosen.label}</span> · {chosen.passageTitle},{" "}
                {needsText(chosen)}
              </>
            ) : (
              "Choose a question"
            )}{" "}
            <span className={styles.count}>
              ({questions.length} {questions.length === 1 ? "question" : "questions"},{" "}
              {waiting === 0 ? "all reviewed" : `${waiting} ${waiting === 1 ? "answer needs" : "answers need"} review`})
            </span>
          </summary>
          <ol>
            {questions.map((q) => (
              <li key={q.key}>
                <Link href={href({ question: q.key })} aria-current={q.key === current?.key ? "page" : undefined}>
                  {q.label} · {q.passageTitle}
                  {lessonsInClass.length > 1 ? ` (${q.lessonTitle})` : ""}
                </Link>
                <span className={styles.questionTitle}>{shortTitle(q.prompt)}</span>
                <span className={styles.count}>{needsText(q)}</span>
              </li>
            ))}
          </ol>
        </details>
      </nav>
      {lessonsInClass.length > 1 && (
        <nav aria-label="Lessons" className={styles.filters}>
          <span>Lesson:</span>
          <Link href={href({ lesson: undefined, question: undefined })} aria-current={!lesson ? "page" : undefined}>
            All
          </Link>
          {lessonsInClass.map((l) => (
            <Link
              key={l.slug}
              href={href({ lesson: l.slug, question: undefined })}
              aria-current={lesson === l.slug ? "page" : undefined}
            >
              {l.title}
            </Link>
          ))}
        </nav>
      )}
      <nav aria-label="Filter answers" className={styles.filters}>
        <span>Show:</span>
        <Link href={href({ state: undefined })} aria-current={!state ? "page" : undefined}>
          All
        </Link>
        {Object.entries(STATES).map(([key, label]) => (
          <Link key={key} href={href({ state: key })} aria-current={state === key ? "page" : undefined}>
            {label}
          </Link>
        ))}
        <Link href={href({ anonymous: !anonymous })}>{anonymous ? "Show names" : "Hide names (anonymous review)"}</Link>
      </nav>
      {current && (
        <>
          <h2 className={styles.prompt}>
            <span className={styles.promptLabel}>{chosen?.label}</span> {current.question.prompt}
          </h2>
          <p className={styles.share}>
            <Link
              href={`/classes/${id}/share?${new URLSearchParams({ lesson: current.lessonSlug, question: current.questionKey })}`}
            >
              Share some answers with the class to discuss
            </Link>
          </p>
        </>
      )}
    </>
  );

  return (
    <div className="page">
      <Breadcrumbs
        trail={[
          { href: "/classes", label: "Classes" },
          { href: `/classes/${id}`, label: className },
        ]}
      />
      <h1>Review answers</h1>
      {questions.length === 0 ? (
        <p className={styles.empty}>
          No submitted open answers yet. Answers appear here once students submit the lesson.
        </p>
      ) : (
        <>
          {current?.items.length === 0 ? (
            <>
              {header}
              <p className={styles.empty}>No answers to this question are in that state.</p>
            </>
          ) : current ? (
            <ReviewWorkbench
              key={`${current.key}-${state ?? "all"}-${anonymous}`}
              classId={id}
              current={current}
              header={header}
              classMarks={
                marked
                  ? { enrolled: marked.enrolled, tooSmall: marked.tooSmall, bySentence: marked.bySentence }
                  : undefined
              }
            />
          ) : (
            header
          )}
        </>
      )}
    </div>
  );
}
