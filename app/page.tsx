import Link from "next/link";
import { listLessons } from "@/db/access/lessons";
import { LessonList } from "@/components/lesson/LessonList";
import styles from "./home.module.css";

export default async function HomePage() {
  const lessons = await listLessons();
  return (
    <div className="page-narrow">
      <h1>Read the news closely</h1>
      <p className="lead">
        Marginalia turns a news article into a lesson: read it passage by passage, see who says what and what they stand
        to gain, and answer questions that ask what the text shows and what it leaves out.
      </p>
      <ul className={styles.points}>
        <li>Every term you might not know is explained where it appears.</li>
        <li>Every voice in the story is named, with its stake and the sentences where it speaks.</li>
        <li>Old stories come with what to check before you rely on them.</li>
      </ul>
      <p>
        <Link href="/lessons" className={styles.cta}>
          Browse the lessons
        </Link>
      </p>
      <p className={styles.teachers}>
        <strong>Teaching?</strong> An instructor creates a class, shares its join code, assigns lessons with a due date,
        and reviews every answer with a rubric before returning feedback.{" "}
        <Link href="/signup">Sign up as an instructor</Link> (with your school&apos;s instructor code) or open{" "}
        <Link href="/classes">your classes</Link>.
      </p>
      <h2>Start with</h2>
      <LessonList lessons={lessons} />
    </div>
  );
}
