import type { Metadata } from "next";
import Link from "next/link";
import { PassageActivity } from "@/components/discussion/PassageActivity";
import { notFound } from "next/navigation";
import { getLessonOverview, listLessons } from "@/db/access/lessons";
import { AgeNotice } from "@/components/lesson/AgeNotice";
import { SourceCard } from "@/components/lesson/SourceCard";
import { WhoSaysWhat } from "@/components/lesson/WhoSaysWhat";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { WorkspaceProvider } from "@/components/answering/Workspace";
import { LessonResume, PassageWorkNote } from "@/components/lesson/LessonResume";
import styles from "./overview.module.css";

/** Only imported lessons exist: an unknown address is a 404 without rendering (or caching) anything. */
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await listLessons()).map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLessonOverview((await params).slug);
  return { title: lesson?.title ?? "Lesson not found" };
}

export default async function LessonOverviewPage({ params }: Props) {
  const lesson = await getLessonOverview((await params).slug);
  if (!lesson) notFound();
  const questionCount = lesson.passages.reduce((n, p) => n + p.questionCount, 0);
  const first = lesson.passages[0];

  return (
    // The page is the same for everyone; the reader's own progress arrives in one request (the workspace).
    <WorkspaceProvider lessonSlug={lesson.slug}>
      <div className="page">
        <Breadcrumbs trail={[{ href: "/lessons", label: "Lessons" }]} />
        <div className={styles.layout}>
          <div className={styles.main}>
            <h1>{lesson.title}</h1>
            <LessonResume slug={lesson.slug} first={first ? { key: first.key, title: first.title } : null} />
            {lesson.standfirst && <p className="lead">{lesson.standfirst}</p>}
            <p className={styles.facts}>
              {lesson.source.outlet} · {lesson.source.author} · about {lesson.readingMinutes}{" "}
              {lesson.readingMinutes === 1 ? "minute" : "minutes"} to read · {lesson.passages.length} passages ·{" "}
              {questionCount} questions
            </p>
            {lesson.ageNotice && <AgeNotice notice={lesson.ageNotice} />}
            <p>{lesson.summary}</p>

            <h2>What you will learn</h2>
            <ul className={styles.objectives}>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>

            <h2 id="passages-heading">Passages</h2>
            <ol className={styles.passages} aria-labelledby="passages-heading">
              {lesson.passages.map((p) => (
                <li key={p.key}>
                  <Link href={`/lessons/${lesson.slug}/${p.key}`}>{p.title}</Link>
                  <span className={styles.passageFacts}>
                    {p.readingMinutes} min · {p.questionCount} {p.questionCount === 1 ? "question" : "questions"}
                    <PassageWorkNote passageKey={p.key} />
                    <PassageActivity slug={lesson.slug} passageKey={p.key} />
                  </span>
                </li>
              ))}
            </ol>
          </div>
          <aside className={styles.aside} aria-label="About the source">
            <SourceCard source={lesson.source} />
          </aside>
        </div>
        <WhoSaysWhat lesson={lesson} />
      </div>
    </WorkspaceProvider>
  );
}
