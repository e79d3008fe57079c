import type { Metadata } from "next";
import Link from "next/link";
import { taughtClassName } from "@/db/access/classes";
import { getInsights } from "@/db/access/insights";
import { getClassMarks } from "@/db/access/marks";
import { MIN_CLASS_FOR_MARKS } from "@/lib/reading/class-marks";
import { reviewQuestionKey } from "@/db/access/review";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { questionTypeLabel } from "@/lib/lesson/public-question";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Bars } from "@/components/insights/Bars";
import { ClassMarksLegend, ClassMarksText } from "@/components/reading/ClassMarksText";
import styles from "./insights.module.css";

export const metadata: Metadata = { title: "Insights" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lesson?: string | string[] }> };

const percent = (x: number) => `${Math.round(x * 100)}%`;

export default async function InsightsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const given = (await searchParams).lesson;
  const actor = await requireActor(`/classes/${id}/insights`);
  const data = await orNotFound(getInsights(actor, id, typeof given === "string" ? given : undefined));
  const className = await orNotFound(taughtClassName(actor, id));
  const marked = data.lesson ? await orNotFound(getClassMarks(actor, id, data.lesson.slug)) : null;

  return (
    <div className="page-narrow">
      <Breadcrumbs
        trail={[
          { href: "/classes", label: "Classes" },
          { href: `/classes/${id}`, label: className },
        ]}
      />
      <h1>Insights</h1>
      {!data.lesson ? (
        <p className={styles.empty}>No lessons are assigned in this class yet.</p>
      ) : data.submissions === 0 ? (
        <p className={styles.empty}>
          Nobody has submitted {data.lesson.title} yet. Statistics appear with the first submission.
        </p>
      ) : (
        <>
          <p className="muted">
            {data.lesson.title}: {data.submissions} of {data.enrolled} students submitted. Names never appear here.
          </p>

          <section aria-labelledby="wrong-heading">
            <h2 id="wrong-heading">Most often wrong first</h2>
            <Bars
              title="Share of answers with full points, lowest first"
              bars={data.mostOftenWrong.slice(0, 10).map((q) => ({
                label: `${q.label}: ${q.prompt.slice(0, 60)}${q.prompt.length > 60 ? "…" : ""}`,
                value: Math.round(q.shareCorrect! * 100),
                max: 100,
                note: `${percent(q.shareCorrect!)} correct`,
              }))}
            />
          </section>

          <section aria-labelledby="completion-heading">
            <h2 id="completion-heading">Completion over time</h2>
            <Bars
              title="Submissions so far, by day"
              bars={data.completion.map((d) => ({
                label: d.day,
                value: d.cumulative,
                max: data.enrolled,
                note: `${d.cumulative} of ${data.enrolled} (+${d.count})`,
              }))}
            />
          </section>

          <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">Every question</h2>
            <ol className={styles.questions}>
              {data.questions.map((q) => (
                <li key={q.key}>
                  <h3 className={styles.prompt}>
                    {q.label} · {questionTypeLabel[q.type]}: {q.prompt}
                  </h3>
                  <p className="muted">
                    {q.answered} answered
                    {q.shareCorrect !== null ? ` · ${percent(q.shareCorrect)} with full points` : ""}
                  </p>
                  {q.options.length > 0 && (
                    <Bars
                      title={`How many picked each option of ${q.label}`}
                      bars={q.options.map((o) => ({
                        label: `${o.correct ? "✓ " : ""}${o.text}`,
                        value: o.count,
                        max: q.answered,
                        highlight: o.correct,
                      }))}
                    />
                  )}
                  {q.criteria.length > 0 && (
                    <>
                      <Bars
                        title={`Average rubric level per criterion of ${q.label}`}
                        bars={q.criteria.map((c) => ({
                          label: c.name,
                          value: c.average ?? 0,
                          max: c.max,
                          note:
                            c.average === null
                              ? "not reviewed yet"
                              : `${c.average} of ${c.max} (${c.reviewed} reviewed)`,
                        }))}
                      />
                      <p>
                        <Link href={`/classes/${id}/review?question=${reviewQuestionKey(data.lesson!.slug, q.key)}`}>
                          Review these answers
                        </Link>
                        {" · "}
                        <Link
                          href={`/classes/${id}/share?${new URLSearchParams({ lesson: data.lesson!.slug, question: q.key })}`}
                        >
                          Share some with the class
                        </Link>
                      </p>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      {marked && (
        <section aria-labelledby="marks-heading" className={styles.marks}>
          <h2 id="marks-heading">What students marked in the text</h2>
          {marked.tooSmall ? (
            <p className={styles.empty}>
              Counts appear once at least {MIN_CLASS_FOR_MARKS} students are in the class, so that no one&apos;s marks
              can be told apart.
            </p>
          ) : marked.passages.length === 0 ? (
            <p className={styles.empty}>
              No student in this class has marked the text of this lesson yet. Students select words in a passage and
              tag them Claim, Evidence, Opinion or Question; the counts appear here, without names.
            </p>
          ) : (
            <>
              <ClassMarksLegend enrolled={marked.enrolled} />
              {marked.passages.map((p) => (
                <details key={p.key} className={styles.marked}>
                  <summary>
                    {p.title}{" "}
                    <span className="muted">
                      ({p.sentences.filter((s) => marked.bySentence[s.id]).length} of {p.sentences.length} sentences
                      marked)
                    </span>
                  </summary>
                  <ClassMarksText sentences={p.sentences} bySentence={marked.bySentence} enrolled={marked.enrolled} />
                </details>
              ))}
            </>
          )}
        </section>
      )}
    </div>
  );
}
