import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getClass } from "@/db/access/classes";
import { getReviewQueue, type ReviewQueue } from "@/db/access/feedback";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ReviewWorkbench } from "@/components/review/ReviewWorkbench";
import styles from "./review.module.css";

export const metadata: Metadata = { title: "Review answers" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ question?: string | string[] }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const given = (await searchParams).question;
  const actor = await requireActor(`/classes/${id}/review`);
  let queue: ReviewQueue;
  let className: string;
  try {
    queue = await getReviewQueue(actor, id, typeof given === "string" ? given : undefined);
    className = (await getClass(actor, id)).name;
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ForbiddenError) notFound();
    throw err;
  }
  const { questions, current } = queue;

  return (
    <div className="page">
      <Breadcrumbs trail={[{ href: "/classes", label: "Classes" }, { href: `/classes/${id}`, label: className }]} />
      <h1>Review answers</h1>
      {questions.length === 0 ? (
        <p className={styles.empty}>No submitted open answers yet. Answers appear here once students submit the lesson.</p>
      ) : (
        <>
          <nav aria-label="Questions to review" className={styles.questions}>
            <ol>
              {questions.map((q) => (
                <li key={q.key}>
                  <Link href={`/classes/${id}/review?question=${q.key}`} aria-current={q.key === current?.key ? "page" : undefined}>
                    {q.passageTitle}: {q.prompt.length > 90 ? `${q.prompt.slice(0, 88)}…` : q.prompt}
                  </Link>{" "}
                  <span className={styles.count}>{q.needsReview > 0 ? `${q.needsReview} of ${q.total} need review` : `all ${q.total} reviewed`}</span>
                </li>
              ))}
            </ol>
          </nav>
          {current && (
            <>
              <h2 className={styles.prompt}>{current.question.prompt}</h2>
              <ReviewWorkbench key={current.key} classId={id} current={current} />
            </>
          )}
        </>
      )}
    </div>
  );
}
