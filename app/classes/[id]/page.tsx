import type { Metadata } from "next";
import Link from "next/link";
import { getClass, listAssignableLessons } from "@/db/access/classes";
import { listOpenReports } from "@/db/access/moderation";
import { scoreSyncStatus, type ScoreSyncStatus } from "@/db/access/lti-scores";
import { canSyncRoster } from "@/db/access/lti-roster";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { formatJoinCode } from "@/lib/join-code";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DueDate } from "@/components/classes/DueDate";
import { TeachingPanel } from "@/components/classes/TeachingPanel";
import { ActionButton } from "@/components/classes/ActionButton";
import { leaveClassAction, syncRosterAction, unassignLessonAction } from "../actions";
import styles from "../classes.module.css";

export const metadata: Metadata = { title: "Class" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ joined?: string | string[] }> };

export default async function ClassPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/classes/${id}`);
  const detail = await orNotFound(getClass(actor, id));
  const justJoined = (await searchParams).joined === "1" && !detail.teaching;

  return (
    <div className="page">
      <Breadcrumbs trail={[{ href: "/classes", label: "Classes" }]} />
      <h1>{detail.name}</h1>
      <p className="muted">
        {detail.teaching
          ? `${detail.studentCount} ${detail.studentCount === 1 ? "student" : "students"}`
          : `Taught by ${detail.instructorName}`}
      </p>
      {detail.teaching && (
        <p>
          <Link href={`/classes/${detail.id}/review`} className={styles.reviewLink}>
            Review answers
          </Link>{" "}
          <Link href={`/classes/${detail.id}/gradebook`} className={styles.reviewLink}>
            Gradebook
          </Link>{" "}
          <Link href={`/classes/${detail.id}/insights`} className={styles.reviewLink}>
            Insights
          </Link>
        </p>
      )}
      {justJoined && (
        <p role="status" className={styles.notice}>
          You have joined {detail.name}.
        </p>
      )}

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assigned lessons</h2>
        {detail.assignments.length === 0 ? (
          <p className={styles.empty}>
            {detail.teaching ? "No lessons assigned yet. Assign one below." : "No lessons assigned yet."}
          </p>
        ) : (
          <ul className={styles.assignments}>
            {detail.assignments.map((a) => (
              <li key={a.id}>
                <span>
                  <Link href={`/lessons/${a.lessonSlug}`}>{a.lessonTitle}</Link>
                  {detail.teaching && (
                    <span className="muted">
                      {" "}
                      ·{" "}
                      {a.showAnswersAfterSubmit ? "answers shown after submitting" : "answers hidden after submitting"}
                    </span>
                  )}
                  {detail.teaching && <QuestionDownloads lessonSlug={a.lessonSlug} lessonTitle={a.lessonTitle} />}
                </span>
                <span>
                  <DueDate dueAt={a.dueAt} />{" "}
                  {detail.teaching && (
                    <ActionButton
                      action={unassignLessonAction}
                      fields={{ classId: detail.id, assignmentId: a.id }}
                      label="Unassign"
                      confirm={`Unassign ${a.lessonTitle}?`}
                    />
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {detail.teaching && (await canSyncRoster(actor, detail.id)) && <LmsRoster classId={detail.id} />}
      {detail.teaching && <LmsScores status={await scoreSyncStatus(actor, detail.id)} />}

      {detail.teaching && <DiscussionReports reports={await listOpenReports(actor, detail.id)} classId={detail.id} />}

      {detail.teaching ? (
        <TeachingPanel
          classId={detail.id}
          className={detail.name}
          joinCode={formatJoinCode(detail.teaching.joinCode)}
          joinCodeExpiresAt={detail.teaching.joinCodeExpiresAt}
          roster={detail.teaching.roster}
          lessons={await listAssignableLessons(actor)}
        />
      ) : (
        <section aria-labelledby="leave-heading">
          <h2 id="leave-heading">Leave this class</h2>
          <p>Your answers stay yours; your instructor will no longer see new work from you in this class.</p>
          <ActionButton
            action={leaveClassAction}
            fields={{ classId: detail.id }}
            label="Leave class"
            variant="danger"
            confirm={`Leave ${detail.name}?`}
          />
        </section>
      )}
    </div>
  );
}

/** For a class opened from an LMS course that shares its roster: bring its students in before they launch. */
function LmsRoster({ classId }: { classId: string }) {
  return (
    <section aria-labelledby="lms-roster-heading">
      <h2 id="lms-roster-heading">Roster from your LMS</h2>
      <p>
        Students join this class when they open Marginalia from the course. To see all of them in the gradebook and
        review before they do, bring the course&apos;s active students in now.
      </p>
      <ActionButton
        action={syncRosterAction}
        fields={{ classId }}
        label="Sync roster from the LMS"
        pendingLabel="Reading the roster…"
      />
    </section>
  );
}

/** For a class opened from an LMS: whether its scores reached the LMS's gradebook, and what is being retried. */
function LmsScores({ status }: { status: ScoreSyncStatus }) {
  if (!status.linked) return null;
  const time = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return (
    <section aria-labelledby="lms-scores-heading">
      <h2 id="lms-scores-heading">Scores in your LMS</h2>
      <p role="status">
        {status.sent} {status.sent === 1 ? "score" : "scores"} sent to the LMS gradebook
        {status.waiting > 0 ? `, ${status.waiting} on the way` : ""}
        {status.failing.length > 0 ? `, ${status.failing.length} not accepted yet` : ""}. Scores are sent when a student
        submits and when you return feedback; work awaiting review is sent as pending, never as zero.
      </p>
      {status.failing.length > 0 && (
        <ul aria-label="Scores the LMS has not accepted">
          {status.failing.map((f) => (
            <li key={`${f.studentName}-${f.lessonTitle}`}>
              {f.studentName}, {f.lessonTitle}: {f.lastError} Tried {f.failures} {f.failures === 1 ? "time" : "times"};
              next try at {time(f.nextAttemptAt)} UTC.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Posts students have reported in this class's discussions, until the instructor hides them or leaves them up. */
function DiscussionReports({
  reports,
  classId,
}: {
  reports: Awaited<ReturnType<typeof listOpenReports>>;
  classId: string;
}) {
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reported posts</h2>
      {reports.length === 0 ? (
        <p className="muted">
          No reported posts. Students can report a post in a passage&apos;s discussion; it shows here until you deal
          with it.
        </p>
      ) : (
        <ul>
          {reports.map((r) => (
            <li key={r.postId}>
              <Link
                href={`/lessons/${r.lessonSlug}/${r.passageKey}?${new URLSearchParams({ class: classId })}#discussion`}
              >
                {r.threadTitle}
              </Link>
              : {r.authorName} wrote “{r.excerpt}”. Reported because: {r.reasons.map((x) => `“${x}”`).join(", ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The lesson's questions with their keys, for the school's LMS question bank (instructors only: they hold the answers). */
function QuestionDownloads({ lessonSlug, lessonTitle }: { lessonSlug: string; lessonTitle: string }) {
  const href = (format: string) => `/api/question-bank?${new URLSearchParams({ lesson: lessonSlug, format })}`;
  return (
    <span className={styles.downloads}>
      {" "}
      · Questions for an LMS:{" "}
      <a href={href("moodle-xml")} download aria-label={`Download the questions of ${lessonTitle} as Moodle XML`}>
        Moodle XML
      </a>{" "}
      <a href={href("gift")} download aria-label={`Download the questions of ${lessonTitle} as GIFT`}>
        GIFT
      </a>{" "}
      <a
        href={href("qti")}
        download
        aria-label={`Download the questions of ${lessonTitle} as a QTI 1.2 package for Canvas`}
      >
        QTI (Canvas)
      </a>
    </span>
  );
}
