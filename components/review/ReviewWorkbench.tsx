"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { ReviewItem, ReviewQueue } from "@/db/access/review";
import { type AutosaveStatus, type SaveOutcome, useSerialAutosave } from "@/components/ui/useSerialAutosave";
import { sendJson, worthRetrying } from "@/lib/http/send-json";
import { validInlineComments } from "@/lib/inline-comments";
import { describeLevelKeys, levelKeys, missingCriteria, quotedList } from "@/lib/review/rubric-keys";
import { describeReturn, nextToReview, unscoredMessage, type NotReturned } from "@/lib/review/return-rules";
import type { Shortcut } from "@/lib/review/shortcut-keys";
import { AnnotatedAnswer } from "./AnnotatedAnswer";
import { SavedComments, type SavedCommentsHandle } from "./SavedComments";
import { selectedWords } from "./selected-words";
import { useReviewKeys } from "./useReviewKeys";
import { ClassMarksLegend, ClassMarksText } from "@/components/reading/ClassMarksText";
import { MIN_CLASS_FOR_MARKS, type TagCounts } from "@/lib/reading/class-marks";
import styles from "./ReviewWorkbench.module.css";

type Current = NonNullable<ReviewQueue["current"]>;

const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous answer"],
  [
    "0 – 3",
    "the level with that many points (each level shows its key), on the active criterion; then the next criterion",
  ],
  ["[ / ]", "previous / next criterion"],
  ["c", "write the comment (Esc leaves it)"],
  ["m", "comment on the words selected in the answer"],
  ["Shift + 1 – 9", "insert saved comment 1 – 9"],
  ["s", "save the comment for reuse on this question"],
  ["r", "return this feedback to the student (every criterion scored), then go to the next answer to review"],
];

/**
 * One question's answers, one at a time, scored with the rubric by click or key. Feedback saves
 * as a draft while the instructor works (the shared autosave, one key per answer) and reaches
 * the student only when returned. `header` (the question list, filters and prompt) sits above
 * the answer, beside the scoring column, so on a laptop the levels, comment and Return are in
 * view from the start; keys (useReviewKeys) do not act there.
 */
export function ReviewWorkbench({
  classId,
  current,
  header,
  classMarks,
}: {
  classId: string;
  current: Current;
  header?: ReactNode;
  /** What the class's students tagged in the lesson's text, per sentence (no names). */
  classMarks?: { enrolled: number; tooSmall: boolean; bySentence: Record<string, TagCounts> };
}) {
  const [items, setItems] = useState<ReviewItem[]>(current.items);
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      current.items.findIndex((i) => i.state !== "returned"),
    ),
  );
  const [criterion, setCriterion] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const comment = useRef<HTMLTextAreaElement>(null);
  const saved = useRef<SavedCommentsHandle>(null);
  const answerBox = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ start: number; end: number; quote: string } | null>(null);
  const [wordComment, setWordComment] = useState("");
  const wordInput = useRef<HTMLInputElement>(null);
  const item = items[index];
  const rubric = current.question.rubric;

  /** Saves one answer's feedback as a draft; the server answers with its points. */
  const saveFeedback = useCallback(
    async (_answerId: string, next: ReviewItem): Promise<SaveOutcome> => {
      const answer = await sendJson<{ points?: number | null }>("/api/feedback", {
        method: "PUT",
        body: {
          classId,
          answerId: next.answerId,
          rubricLevels: next.rubricLevels,
          comment: next.comment,
          inlineComments: next.inlineComments,
        },
      });
      if (answer.ok) {
        setItems((all) =>
          all.map((i) =>
            i.answerId === next.answerId ? { ...i, points: answer.data.points ?? null, state: "draft" } : i,
          ),
        );
        return { ok: true };
      }
      if (answer.status === 0)
        return {
          ok: false,
          retry: true,
          message: "Not saved: no connection. Your feedback is still here; it will save with your next change.",
        };
      return { ok: false, retry: worthRetrying(answer), message: answer.message ?? "Not saved." };
    },
    [classId],
  );
  // Edits not yet saved, per answer: moving on or returning saves them all first.
  const autosave = useSerialAutosave({ save: saveFeedback });
  const { edit, flush, isPending } = autosave;
  /** Puts a message on the save line (none: clears it); the next save replaces it. */
  const say = autosave.setStatus;
  const refuse = useCallback((message: string) => say({ kind: "refused", message }), [say]);

  // After a server refresh, take the new items, unless edits here are still unsaved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: isPending is read when the server's items change, not a cause of change.
  useEffect(() => {
    if (!isPending()) setItems(current.items);
  }, [current.items]);

  const startWordComment = useCallback(() => {
    const found = selectedWords(answerBox.current);
    if (!found) return refuse("Select some words of the answer first, then add a comment to them.");
    setSelection(found);
    setWordComment("");
    setTimeout(() => wordInput.current?.focus(), 0);
  }, [refuse]);

  const change = useCallback(
    (patch: Partial<ReviewItem>, immediately = false) => {
      if (!item) return;
      const next = { ...item, ...patch };
      setItems((all) => all.map((i) => (i.answerId === item.answerId ? next : i)));
      edit(next.answerId, next, { immediately });
    },
    [item, edit],
  );

  const nameOf = useCallback((answerId: string) => items.find((i) => i.answerId === answerId)?.studentName, [items]);

  /** After a return of the answer being read: the next one still needing review, with focus kept here for the keys. */
  const moveOnFrom = useCallback((all: ReviewItem[], answerId: string) => {
    const from = all.findIndex((i) => i.answerId === answerId);
    const next =
      from < 0
        ? null
        : nextToReview(
            all.map((i) => i.state),
            from,
          );
    if (next === null) return "Every answer to this question is returned.";
    setIndex(next);
    setCriterion(0);
    return `Now answer ${next + 1} of ${all.length}: ${all[next]!.studentName}.`;
  }, []);

  const itemsNow = useRef(items);
  itemsNow.current = items;

  const sendReturn = useCallback(
    async (url: string, body: object, answerIds: string[] | "all-drafts", moveOn: string | null = null) => {
      if (!(await flush()))
        return refuse("Not returned: the feedback could not be saved first. Check the message above and try again.");
      const answer = await sendJson<{ returned?: number; notReturned?: NotReturned[] }>(url, { body });
      if (answer.status === 0)
        return refuse("Not returned: no connection. Your feedback is saved as a draft; try again.");
      if (!answer.ok) return refuse(answer.message ?? "Not returned.");
      const data = answer.data;
      const returned = data.returned ?? 0;
      const kept = new Set((data.notReturned ?? []).map((n) => n.answerId));
      // The items as they are now, saves included: what was a draft and was not kept went back.
      const wanted =
        answerIds === "all-drafts"
          ? itemsNow.current.filter((i) => i.state === "draft").map((i) => i.answerId)
          : answerIds;
      const gone = new Set(returned === 0 ? [] : wanted.filter((id) => !kept.has(id)));
      const after = itemsNow.current.map((i) =>
        gone.has(i.answerId) ? { ...i, state: "returned" as const, canUndoReturn: true } : i,
      );
      setItems(after);
      const kept1 = moveOn ? data.notReturned?.find((n) => n.answerId === moveOn) : undefined;
      const summary = kept1 ? unscoredMessage(kept1.missing) : describeReturn(returned, data.notReturned ?? [], nameOf);
      if (kept.size > 0) refuse(summary);
      else say({ kind: "idle" });
      setAnnouncement(moveOn && gone.has(moveOn) ? `${summary} ${moveOnFrom(after, moveOn)}` : summary);
    },
    [flush, nameOf, moveOnFrom, refuse, say],
  );

  /** Returns the answer being read, once every criterion has a level; then on to the next to review. */
  const returnThis = useCallback(() => {
    if (!item) return;
    const missing = missingCriteria(rubric, item.rubricLevels);
    if (missing.length > 0) {
      setCriterion(rubric.indexOf(missing[0]!));
      return refuse(unscoredMessage(missing.map((c) => c.name)));
    }
    if (item.state === "returned" && !isPending(item.answerId))
      return refuse("This answer is already returned; change the feedback to return it again.");
    void sendReturn("/api/feedback/return", { classId, answerIds: [item.answerId] }, [item.answerId], item.answerId);
  }, [item, rubric, sendReturn, classId, isPending, refuse]);
  const returnMany = useCallback(
    (answerIds: string[]) => sendReturn("/api/feedback/return", { classId, answerIds }, answerIds),
    [sendReturn, classId],
  );
  const returnAllInClass = useCallback(
    () => sendReturn("/api/feedback/return-all", { classId }, "all-drafts"),
    [sendReturn, classId],
  );

  const undoReturn = useCallback(async () => {
    if (!item) return;
    const answer = await sendJson("/api/feedback/undo-return", { body: { classId, answerId: item.answerId } });
    if (answer.status === 0) return refuse("The return was not taken back: no connection. Try again.");
    if (!answer.ok) {
      setItems((all) => all.map((i) => (i.answerId === item.answerId ? { ...i, canUndoReturn: false } : i)));
      return refuse(answer.message ?? "The return could not be taken back.");
    }
    setItems((all) =>
      all.map((i) => (i.answerId === item.answerId ? { ...i, state: "draft", canUndoReturn: false } : i)),
    );
    say({ kind: "idle" });
    setAnnouncement(`Return taken back: ${item.studentName}'s feedback is a draft again.`);
  }, [item, classId, refuse, say]);

  const go = useCallback(
    (delta: number) => {
      say({ kind: "idle" });
      void flush();
      setIndex((i) => Math.min(items.length - 1, Math.max(0, i + delta)));
      setCriterion(0);
    },
    [items.length, flush, say],
  );

  const onShortcut = (shortcut: Shortcut) => {
    if (!item) return;
    switch (shortcut.do) {
      case "insert-saved-comment":
        return saved.current?.insert(shortcut.n);
      case "save-comment":
        return saved.current?.saveCurrent();
      case "comment-on-words":
        return startWordComment();
      case "next-answer":
        return go(1);
      case "previous-answer":
        return go(-1);
      case "next-criterion":
        return setCriterion((x) => Math.min(rubric.length - 1, x + 1));
      case "previous-criterion":
        return setCriterion((x) => Math.max(0, x - 1));
      case "write-comment":
        return comment.current?.focus();
      case "return":
        return returnThis();
      case "score": {
        const c = rubric[criterion];
        const level = c?.levels[shortcut.level];
        if (!c || !level) return;
        change({ rubricLevels: { ...item.rubricLevels, [c.id]: level.points } }, true);
        setCriterion((x) => Math.min(rubric.length - 1, x + 1));
      }
    }
  };
  const { root, head, keysOn, focusWorkbench, focusEvents } = useReviewKeys({
    enabled: !!item,
    levels: rubric[criterion]?.levels,
    onShortcut,
  });

  if (!item)
    return (
      <>
        {header}
        <p>No answers to review for this question.</p>
      </>
    );
  const cited = new Set(item.cited.map((c) => c.id));
  const returnable = items.filter((i) => i.state === "draft").map((i) => i.answerId);
  const missing = missingCriteria(rubric, item.rubricLevels);

  return (
    <div
      ref={root}
      className={styles.workbench}
      tabIndex={0}
      role="region"
      aria-label="Review workbench"
      aria-describedby="workbench-keys"
      {...focusEvents}
    >
      {header && (
        <div ref={head} className={styles.head}>
          {header}
        </div>
      )}
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <section aria-labelledby="review-answer" className={styles.answer}>
        <div className={styles.nav}>
          <h2 id="review-answer">
            Answer {index + 1} of {items.length}: {item.studentName}
          </h2>
          {item.studentId && (
            <a href={`/classes/${classId}/review/student/${item.studentId}`} className={styles.studentLink}>
              Their whole lesson
            </a>
          )}
          <span className={styles.state} data-state={item.state}>
            {item.state === "needs-review"
              ? "Needs review"
              : item.state === "draft"
                ? "Reviewed, not returned"
                : "Returned"}
          </span>
        </div>
        <div ref={answerBox}>
          {item.text ? (
            <AnnotatedAnswer
              text={item.text}
              comments={item.inlineComments}
              onRemove={(i) => change({ inlineComments: item.inlineComments.filter((_, j) => j !== i) }, true)}
            />
          ) : (
            <blockquote className={styles.response}>
              <em>(no text)</em>
            </blockquote>
          )}
        </div>
        {selection ? (
          <form
            className={styles.wordForm}
            onSubmit={(e) => {
              e.preventDefault();
              if (!wordComment.trim()) return;
              const next = [...item.inlineComments, { ...selection, text: wordComment.trim() }];
              if (validInlineComments(item.text, next).length !== next.length) {
                refuse("Those words overlap a comment already there: remove it first, or select other words.");
                return setSelection(null);
              }
              change({ inlineComments: next }, true);
              setSelection(null);
              focusWorkbench();
            }}
          >
            <label htmlFor="word-comment">Comment on “{selection.quote}”</label>
            <input
              id="word-comment"
              ref={wordInput}
              value={wordComment}
              maxLength={1000}
              onChange={(e) => setWordComment(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== "Escape") return;
                setSelection(null);
                focusWorkbench();
              }}
            />
            <button type="submit">Add comment</button>
            <button
              type="button"
              onClick={() => {
                setSelection(null);
                focusWorkbench();
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            className={styles.wordButton}
            onMouseDown={(e) => e.preventDefault()}
            onClick={startWordComment}
          >
            Comment on selected words (m)
          </button>
        )}
        {item.cited.length > 0 && (
          <p className={styles.hint}>
            Cites {item.cited.length} {item.cited.length === 1 ? "sentence" : "sentences"} of the passage.
          </p>
        )}
      </section>

      <section aria-labelledby="review-passage" className={styles.passage}>
        <h2 id="review-passage">{current.passage.title}</h2>
        <p className={styles.hint}>Sentences the student cited are highlighted.</p>
        <p className={styles.text}>
          {current.passage.sentences.map((s) => (
            <span key={s.id} className={cited.has(s.id) ? styles.cited : undefined}>
              {s.text}{" "}
            </span>
          ))}
        </p>
        {classMarks && (
          <details className={styles.exemplar}>
            <summary>What the class marked in this text</summary>
            {classMarks.tooSmall ? (
              <p className={styles.hint}>
                Counts appear once at least {MIN_CLASS_FOR_MARKS} students are in the class, so that no one&apos;s marks
                can be told apart.
              </p>
            ) : current.passage.sentences.some((s) => classMarks.bySentence[s.id]) ? (
              <>
                <ClassMarksLegend enrolled={classMarks.enrolled} />
                <ClassMarksText
                  sentences={current.passage.sentences}
                  bySentence={classMarks.bySentence}
                  enrolled={classMarks.enrolled}
                />
              </>
            ) : (
              <p className={styles.hint}>No student in the class has marked this text yet.</p>
            )}
          </details>
        )}
        <details className={styles.exemplar}>
          <summary>Model answer</summary>
          <p>{current.question.exemplar}</p>
        </details>
        <details className={styles.exemplar}>
          <summary>The rubric in full</summary>
          <dl className={styles.rubricText}>
            {rubric.map((c) => (
              <div key={c.id}>
                <dt>{c.name}</dt>
                {c.levels.map((l, li) => (
                  <dd key={l.label} id={`level-${c.id}-${li}`}>
                    <kbd>{levelKeys(c.levels)[li]}</kbd> {l.label} ({l.points} {l.points === 1 ? "point" : "points"}):{" "}
                    {l.description}
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </details>
      </section>

      <section aria-labelledby="review-scoring" className={styles.scoring}>
        <h2 id="review-scoring" className="visually-hidden">
          Score, comment and return
        </h2>
        <p id="workbench-keys" className={styles.keys} data-on={keysOn || undefined}>
          {keysOn ? "Shortcut keys on." : "Shortcut keys: click the answer, or Tab to it."}
        </p>
        {rubric.map((c, ci) => {
          const keys = levelKeys(c.levels);
          const chosen = c.levels.find((l) => l.points === item.rubricLevels[c.id]);
          return (
            <fieldset key={c.id} className={styles.criterion} data-active={ci === criterion || undefined}>
              <legend>
                {c.name}
                {ci === criterion && (
                  <span className={styles.active}>
                    {" "}
                    · keys {describeLevelKeys(c.levels)}
                    {keys.every((k, li) => k === String(c.levels[li]!.points)) ? ", the points" : ""}
                  </span>
                )}
              </legend>
              <div className={styles.levels}>
                {c.levels.map((l, li) => (
                  <label key={l.label} className={styles.level} title={l.description}>
                    <input
                      type="radio"
                      name={`${item.answerId}-${c.id}`}
                      checked={item.rubricLevels[c.id] === l.points}
                      aria-describedby={`level-${c.id}-${li}`}
                      onChange={() => {
                        setCriterion(ci);
                        change({ rubricLevels: { ...item.rubricLevels, [c.id]: l.points } }, true);
                      }}
                    />
                    <kbd>{keys[li]}</kbd> {l.label}
                    {keys[li] !== String(l.points) && <span className={styles.levelPoints}> ({l.points} pts)</span>}
                  </label>
                ))}
              </div>
              <p className={styles.levelText}>{chosen ? chosen.description : "Not scored yet."}</p>
            </fieldset>
          );
        })}
        <p className={styles.points}>
          Points: {item.points ?? "–"} of {current.question.points}
        </p>

        <label htmlFor="review-comment" className={styles.label}>
          Comment to the student
        </label>
        <textarea
          id="review-comment"
          ref={comment}
          className={styles.comment}
          rows={3}
          maxLength={5000}
          value={item.comment}
          onChange={(e) => change({ comment: e.target.value })}
        />
        <SaveLine status={autosave.status} />

        <div className={styles.actions}>
          <button
            type="button"
            className={styles.primary}
            onClick={returnThis}
            aria-describedby={
              missing.length > 0 && missing.length < rubric.length && item.state !== "returned"
                ? "return-needs"
                : undefined
            }
          >
            Return to student (r)
          </button>
          {item.state === "returned" && item.canUndoReturn && (
            <button type="button" onClick={() => void undoReturn()}>
              Undo return
            </button>
          )}
          <button type="button" onClick={() => go(-1)} disabled={index === 0}>
            Previous (k)
          </button>
          <button type="button" onClick={() => go(1)} disabled={index === items.length - 1}>
            Next (j)
          </button>
        </div>
        {missing.length > 0 && missing.length < rubric.length && item.state !== "returned" && (
          <p id="return-needs" className={styles.hint}>
            To return it, score {quotedList(missing.map((c) => c.name))}.
          </p>
        )}
        {item.state === "returned" && !item.canUndoReturn && (
          <p className={styles.hint}>
            The student has opened this feedback: change it and return it again to correct it.
          </p>
        )}
        <div className={styles.moreActions}>
          <button type="button" onClick={() => void returnMany(returnable)} disabled={returnable.length === 0}>
            Return all reviewed on this question ({returnable.length})
          </button>
          <button
            type="button"
            onClick={() => {
              if (
                window.confirm(
                  "Return every reviewed answer in this class, on every question, to its student now? Answers whose rubric is not fully scored stay drafts.",
                )
              )
                void returnAllInClass();
            }}
          >
            Return all reviewed in this class
          </button>
        </div>
      </section>

      <div className={styles.tools}>
        <SavedComments
          ref={saved}
          lessonSlug={current.lessonSlug}
          questionKey={current.questionKey}
          current={item.comment}
          onInsert={(text) => change({ comment: item.comment.trim() ? `${item.comment.trim()}\n${text}` : text })}
        />
        <details className={styles.shortcuts}>
          <summary>Keyboard shortcuts</summary>
          <p className={styles.hint}>
            They work while the answer or the rubric has focus, not in a text field, and not on a key typed within a
            word.
          </p>
          <dl>
            {SHORTCUTS.map(([k, v]) => (
              <div key={k}>
                <dt>
                  <kbd>{k}</kbd>
                </dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
    </div>
  );
}

/** The workbench's one line on saving: the save's state, or what the last action could not do. */
function SaveLine({ status }: { status: AutosaveStatus }) {
  const failed = status.kind === "retrying" || status.kind === "refused";
  return (
    <p className={styles.saveState} role="status" data-state={failed ? "error" : status.kind}>
      {status.kind === "saving" ? "Saving…" : status.kind === "saved" ? "Draft saved" : failed ? status.message : ""}
    </p>
  );
}
