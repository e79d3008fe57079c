import type { Metadata } from "next";
import Link from "next/link";
import { getClass } from "@/db/access/classes";
import { getGradebook } from "@/db/access/gradebook";
import { reviewQuestionKey } from "@/db/access/feedback";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { cellLabel, describeTotals } from "@/lib/gradebook";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import styles from "./gradebook.module.css";

export const metadata: Metadata = { title: "Gradebook" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lesson?: string | string[] }> };

export default async function GradebookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const given = (await searchParams).lesson;
  const actor = await requireActor(`/classes/${id}/gradebook`);
  const book = await orNotFound(getGradebook(actor, id, typeof given === "string" ? given : undefined));
  const className = (await orNotFound(getClass(actor, id))).name;
  const query = book.lesson ? `?lesson=${book.lesson.slug}` : "";

  return (
    <div className="page">
      <Breadcrumbs trail={[{ href: "/classes", label: "Classes" }, { href: `/classes/${id}`, label: className }]} />
      <h1>Gradebook</h1>
      {!book.lesson ? (
        <p className={styles.empty}>No lessons are assigned in this class yet.</p>
      ) : (
        <>
          {book.lessons.length > 1 && (
            <nav aria-label="Lessons" className={styles.lessons}>
              {book.lessons.map((l) => (
                <Link key={l.slug} href={`/classes/${id}/gradebook?lesson=${l.slug}`} aria-current={l.slug === book.lesson?.slug ? "page" : undefined}>
                  {l.title}
                </Link>
              ))}
            </nav>
          )}
          <p className="muted">{book.lesson.title}. Answers awaiting review are shown as such, never as 0; totals count only graded points.</p>
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
            <div className={styles.scroll} tabIndex={0} role="region" aria-label="Gradebook table">
              <table className={styles.table}>
                <caption className="visually-hidden">Scores by student and question for {book.lesson.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Total</th>
                    {book.questions.map((q) => (
                      <th scope="col" key={q.key}>
                        <abbr title={`${q.passageTitle}: ${q.prompt}`}>{q.label}</abbr>
                        <span className={styles.max}>/{q.points}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {book.rows.map((r) => (
                    <tr key={r.student.id}>
                      <th scope="row">
                        {r.student.submitted ? <Link href={`/classes/${id}/review/student/${r.student.id}?lesson=${book.lesson!.slug}`}>{r.student.name}</Link> : r.student.name}
                      </th>
                      <td className={styles.total}>{describeTotals(r.totals)}</td>
                      {r.cells.map((c, i) => {
                        const q = book.questions[i]!;
                        const text = c.state === "graded" || c.state === "unanswered" ? String(c.points) : c.state === "reviewed-not-returned" ? `(${c.points})` : c.state === "awaiting-review" ? "…" : "–";
                        const label = `${q.label}: ${c.state === "graded" ? `${c.points} of ${q.points}` : cellLabel[c.state]}${c.state === "reviewed-not-returned" ? ` (${c.points})` : ""}`;
                        return (
                          <td key={q.key} data-state={c.state}>
                            {!q.autoGraded && c.state !== "not-submitted" && c.state !== "unanswered" ? (
                              <Link href={`/classes/${id}/review?question=${reviewQuestionKey(book.lesson!.slug, q.key)}`} aria-label={label}>
                                {text}
                              </Link>
                            ) : (
                              <span aria-label={label}>{text}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className={styles.legend}>
            … awaiting review · (n) reviewed, not yet returned · – not submitted · open answers link to the review.
          </p>
        </>
      )}
    </div>
  );
}
