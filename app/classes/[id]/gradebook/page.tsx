import type { Metadata } from "next";
import Link from "next/link";
import { taughtClassName } from "@/db/access/classes";
import { getGradebook } from "@/db/access/gradebook";
import { reviewQuestionKey } from "@/db/access/review";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { describeTotals, shortTotals } from "@/lib/gradebook";
import { GradebookTable } from "@/components/gradebook/GradebookTable";
import { encodeCells } from "@/lib/gradebook-cells";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import styles from "./gradebook.module.css";

export const metadata: Metadata = { title: "Gradebook" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lesson?: string | string[] }> };

export default async function GradebookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const given = (await searchParams).lesson;
  const actor = await requireActor(`/classes/${id}/gradebook`);
  const book = await orNotFound(getGradebook(actor, id, typeof given === "string" ? given : undefined));
  const className = await orNotFound(taughtClassName(actor, id));
  const query = book.lesson ? `?lesson=${book.lesson.slug}` : "";

  return (
    <div className="page">
      <Breadcrumbs
        trail={[
          { href: "/classes", label: "Classes" },
          { href: `/classes/${id}`, label: className },
        ]}
      />
      <h1>Gradebook</h1>
      {!book.lesson ? (
        <p className={styles.empty}>No lessons are assigned in this class yet.</p>
      ) : (
        <>
          {book.lessons.length > 1 && (
            <nav aria-label="Lessons" className={styles.lessons}>
              {book.lessons.map((l) => (
                <Link
                  key={l.slug}
                  href={`/classes/${id}/gradebook?lesson=${l.slug}`}
                  aria-current={l.slug === book.lesson?.slug ? "page" : undefined}
                >
                  {l.title}
                </Link>
              ))}
            </nav>
          )}
          <p className="muted">
            {book.lesson.title}. Answers awaiting review are shown as such, never as 0; totals count only graded points.
          </p>
          <p className={styles.downloads}>
            <a href={`/classes/${id}/gradebook/grades.csv${query}`} download>
              Download grades (CSV)
            </a>
            <a href={`/classes/${id}/gradebook/answers.csv${query}`} download>
              Download every answer (CSV)
            </a>
          </p>
          {book.rows.length === 0 ? (
            <p className={styles.empty}>No students in this class yet.</p>
          ) : (
            <GradebookTable
              caption={`Scores by student and question for ${book.lesson.title}`}
              questions={book.questions.map((q) => ({
                key: q.key,
                label: q.label,
                points: q.points,
                title: `${q.passageTitle}: ${q.prompt}`,
                reviewHref: q.autoGraded
                  ? null
                  : `/classes/${id}/review?question=${encodeURIComponent(reviewQuestionKey(book.lesson!.slug, q.key))}`,
              }))}
              rows={book.rows.map((r) => ({
                id: r.student.id,
                name: r.student.name,
                href: r.student.submitted
                  ? `/classes/${id}/review/student/${r.student.id}?lesson=${book.lesson!.slug}`
                  : null,
                total: shortTotals(r.totals),
                totalDetail: describeTotals(r.totals),
                cells: encodeCells(r.cells),
              }))}
            />
          )}
          <p className={styles.legend}>
            Total: graded points earned/possible · answers awaiting review (hover a total, or use a screen reader, for
            the full words). In the cells: … awaiting review · (n) reviewed, not yet returned · – not submitted · open
            answers link to the review.
          </p>
        </>
      )}
    </div>
  );
}
