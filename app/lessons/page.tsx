import type { Metadata } from "next";
import { listLessons } from "@/db/access/lessons";
import { LessonList } from "@/components/lesson/LessonList";

export const metadata: Metadata = { title: "Lessons" };

export default async function LessonsPage() {
  const lessons = await listLessons();
  return (
    <div className="page-narrow">
      <h1>Lessons</h1>
      <p className="lead">Each lesson is one news article, read passage by passage with questions beside the text.</p>
      <LessonList lessons={lessons} />
    </div>
  );
}
