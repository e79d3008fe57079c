import { shownEmail } from "@/lib/lti/placeholder-email";
import { ActionButton } from "./ActionButton";
import { AssignLessonForm } from "./AssignLessonForm";
import { CopyButton } from "./CopyButton";
import { regenerateJoinCodeAction, removeStudentAction } from "@/app/classes/actions";
import type { RosterStudent } from "@/db/access/classes";
import styles from "@/app/classes/classes.module.css";

type Props = {
  classId: string;
  className: string;
  joinCode: string;
  joinCodeExpiresAt: Date;
  roster: RosterStudent[];
  lessons: { slug: string; title: string }[];
};

/** What only the class's instructor sees: the join code, assigning lessons, the roster. */
export function TeachingPanel({ classId, className, joinCode, joinCodeExpiresAt, roster, lessons }: Props) {
  const expires = joinCodeExpiresAt.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const expired = joinCodeExpiresAt.getTime() <= Date.now();
  const joinPath = `/join?code=${encodeURIComponent(joinCode)}`;
  return (
    <>
      <div className={styles.grid}>
        <section aria-labelledby="join-code-heading">
          <h2 id="join-code-heading">Join code</h2>
          {expired ? (
            <p className={styles.notice}>This code expired on {expires}. Make a new code to let students join.</p>
          ) : (
            <p>
              Students sign in, open “Join a class” and type this code, or open the join link, which fills it in. It
              works until {expires}.
            </p>
          )}
          <div className={styles.codeRow}>
            <output className={styles.code} aria-label="Join code">
              {joinCode}
            </output>
            <CopyButton value={joinCode} label="Copy code" />
          </div>
          <div className={styles.codeRow}>
            <span>
              Join link: <code className={styles.joinLink}>{joinPath}</code>
            </span>
            <CopyButton path={joinPath} label="Copy join link" what="the link" />
          </div>
          <p />
          <ActionButton
            action={regenerateJoinCodeAction}
            fields={{ classId }}
            label="Make a new code"
            pendingLabel="Making a new code…"
            confirm="Make a new code? The current code will stop working; students already in the class stay in it."
          />
        </section>
        <section aria-labelledby="assign-heading">
          <h2 id="assign-heading">Assign a lesson</h2>
          <AssignLessonForm classId={classId} lessons={lessons} />
        </section>
      </div>

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">Roster ({roster.length})</h2>
        {roster.length === 0 ? (
          <p className={styles.empty}>No students yet. Share the join code above.</p>
        ) : (
          <ul className={styles.roster} aria-label={`Students in ${className}`}>
            {roster.map((s) => (
              <li key={s.id} className={styles.student}>
                <div className={styles.who}>
                  <strong>{s.name}</strong>
                  <span className={styles.email}>{shownEmail(s.email) || "Signs in through the LMS"}</span>
                  <span className="muted">
                    Joined{" "}
                    {s.joinedAt.toLocaleDateString("en-GB", {
                      day: "numeric",
                      month: "short",
                      year: "numeric",
                      timeZone: "UTC",
                    })}
                  </span>
                </div>
                {s.lessons.length > 0 && (
                  <ul className={styles.progress} aria-label={`${s.name}'s lessons`}>
                    {s.lessons.map((l) => (
                      <li key={l.lessonSlug}>
                        <span className={styles.state} data-state={l.state}>
                          {l.description}
                        </span>
                        <span className={styles.lessonName}>{l.lessonTitle}</span>
                      </li>
                    ))}
                  </ul>
                )}
                <div className={styles.remove}>
                  <ActionButton
                    action={removeStudentAction}
                    fields={{ classId, studentId: s.id }}
                    label="Remove"
                    accessibleLabel={`Remove ${s.name} from the class`}
                    variant="quiet"
                    confirm={`Remove ${s.name} from ${className}?`}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
