import type { Metadata } from "next";
import Link from "next/link";
import { listMyClasses } from "@/db/access/classes";
import { requireActor } from "@/lib/auth/session";
import { CreateClassForm } from "@/components/classes/CreateClassForm";
import { DueDate } from "@/components/classes/DueDate";
import styles from "./classes.module.css";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const actor = await requireActor("/classes");
  const classes = await listMyClasses(actor);
  const teaching = actor.role === "instructor";

  return (
    <div className="page-narrow">
      <h1>{teaching ? "Your classes" : "Your classes and lessons"}</h1>
      {classes.length === 0 ? (
        <p className={styles.empty}>
          {teaching
            ? "You have no classes yet. Create one below, then share its code with your students."
            : "You are not in a class yet. "}
          {!teaching && <Link href="/join">Join a class with a code</Link>}
        </p>
      ) : (
        <ul className={styles.list}>
          {classes.map((c) => (
            <li key={c.id} className={styles.card}>
              <h2>
                <Link href={`/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <p className={styles.meta}>
                {teaching
                  ? `${c.studentCount} ${c.studentCount === 1 ? "student" : "students"}`
                  : `Taught by ${c.instructorName}`}{" "}
                · {c.assignments.length} {c.assignments.length === 1 ? "lesson" : "lessons"} assigned
              </p>
              {!teaching && c.assignments.length > 0 && (
                <ul className={styles.assignments} aria-label={`Lessons assigned in ${c.name}`}>
                  {c.assignments.map((a) => (
                    <li key={a.id}>
                      <Link href={`/lessons/${a.lessonSlug}`}>{a.lessonTitle}</Link>
                      <DueDate dueAt={a.dueAt} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}

      {teaching ? (
        <section aria-labelledby="create-class-heading">
          <h2 id="create-class-heading">Create a class</h2>
          <CreateClassForm />
        </section>
      ) : (
        <section aria-labelledby="self-study-heading">
          <h2 id="self-study-heading">Study on your own</h2>
          <p>
            Any lesson in the library is open to you outside a class. <Link href="/lessons">Browse the lessons</Link>
            {classes.length > 0 && (
              <>
                {" "}
                or <Link href="/join">join another class</Link>
              </>
            )}
            .
          </p>
        </section>
      )}
    </div>
  );
}
