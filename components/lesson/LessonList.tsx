import Link from "next/link";
import type { LessonCard } from "@/db/access/lessons";
import { LessonProgress } from "./LessonProgress";
import styles from "./LessonList.module.css";

export function LessonList({ lessons }: { lessons: LessonCard[] }) {
  if (lessons.length === 0) {
    return (
      <p className={styles.empty}>
        No lessons yet. Lessons are added from lesson folders with <code>npm run content:import</code>.
      </p>
    );
  }
  return (
    <ul className={styles.list}>
      {lessons.map((lesson) => (
        <li key={lesson.slug} className={styles.card}>
          <h2 className={styles.title}>
            <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
          </h2>
          <p className={styles.byline}>
            {lesson.outlet} · {lesson.author}
          </p>
          <p>{lesson.summary}</p>
          <p className={styles.facts}>
            <span>{lesson.passageCount} passages</span>
            <span>{lesson.questionCount} questions</span>
            <span>about {lesson.readingMinutes} min to read</span>
            {lesson.ageNotice && <span className={styles.age}>{lesson.ageNotice}</span>}
          </p>
          <LessonProgress slug={lesson.slug} />
        </li>
      ))}
    </ul>
  );
}
