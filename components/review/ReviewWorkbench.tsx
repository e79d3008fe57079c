"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { ReviewItem, ReviewQueue } from "@/db/access/feedback";
import { SavedComments, type SavedCommentsHandle } from "./SavedComments";
import { AnnotatedAnswer } from "./AnnotatedAnswer";
import { validInlineComments } from "@/lib/inline-comments";
import { describeLevelKeys, levelForKey, levelKeys, missingCriteria, quotedList } from "@/lib/review/rubric-keys";
import { describeReturn, nextToReview, unscoredMessage, type NotReturned } from "@/lib/review/return-rules";
import { gateKey, idleGate } from "@/lib/review/shortcut-gate";
import styles from "./ReviewWorkbench.module.css";

type Current = NonNullable<ReviewQueue["current"]>;
type SaveState = "idle" | "saving" | "saved" | "error";

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

/** Text fields take keys as text; everything else in the workbench (the answer, a level, a button) takes shortcuts. */
function takesText(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !["radio", "checkbox", "button", "submit", "reset"].includes(el.type);
  return (el as HTMLElement).isContentEditable;
}

/**
 * One question's answers, one at a time, scored with the rubric by click or key. Feedback saves
 * as a draft while the instructor works and reaches the student only when returned. `header`
 * (the question list, filters and prompt) sits above the answer, beside the scoring column, so
 * on a laptop the levels, comment and Return are in view from the start; keys do not act there.
 */
export function ReviewWorkbench({
  classId,
  current,
  header,
}: {
  classId: string;
  current: Current;
  header?: ReactNode;
}) {
  const [items, setItems] = useState<ReviewItem[]>(current.items);
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      current.items.findIndex((i) => i.state !== "returned"),
    ),
  );
  const [criterion, setCriterion] = useState(0);
  const [save, setSave] = useState<{ state: SaveState; message?: string }>({ state: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const comment = useRef<HTMLTextAreaElement>(null);
  const saved = useRef<SavedCommentsHandle>(null);
  const answerBox = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ start: number; end: number; quote: string } | null>(null);
  const [wordComment, setWordComment] = useState("");
  const wordInput = useRef<HTMLInputElement>(null);

  /** The words selected inside the answer, as offsets into its text. */
  const readSelection = useCallback(() => {
    const sel = window.getSelection();
    const box = answerBox.current?.querySelector("[data-answer-text]");
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !box) return null;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    // Numbers of existing marks are not part of the answer's text.
    const strip = (r: Range) => {
      const div = document.createElement("div");
      div.append(r.cloneContents());
      for (const s of div.querySelectorAll("sup")) s.remove();
      return div.textContent ?? "";
    };
    const start = strip(before).length;
    const quote = strip(range);
    return quote.trim() ? { start, end: start + quote.length, quote } : null;
  }, []);

  const startWordComment = useCallback(() => {
    const found = readSelection();
    if (!found)
      return setSave({ state: "error", message: "Select some words of the answer first, then add a comment to them." });
    setSelection(found);
    setWordComment("");
    setTimeout(() => wordInput.current?.focus(), 0);
  }, [readSelection]);
  const item = items[index];
  const rubric = current.question.rubric;

  // Edits not yet saved, per answer: moving on or returning saves them all first.
  const pendingEdits = useRef(new Map<string, ReviewItem>());

  // After a server refresh, take the new items, unless edits here are still unsaved.
  useEffect(() => {
    if (pendingEdits.current.size === 0) setItems(current.items);
  }, [current.items]);

  const inFlight = useRef<Promise<boolean>>(Promise.resolve(true));
  const persistNow = useCallback(
    async (next: ReviewItem): Promise<boolean> => {
      setSave({ state: "saving" });
      try {
        const res = await fetch("/api/feedback", {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            classId,
            answerId: next.answerId,
            rubricLevels: next.rubricLevels,
            comment: next.comment,
            inlineComments: next.inlineComments,
          }),
        });
        const body = (await res.json()) as { points?: number | null; message?: string };
        if (!res.ok) {
          setSave({ state: "error", message: body.message ?? "Not saved." });
          return false;
        }
        if (pendingEdits.current.get(next.answerId) === next) pendingEdits.current.delete(next.answerId);
        setItems((all) =>
          all.map((i) => (i.answerId === next.answerId ? { ...i, points: body.points ?? null, state: "draft" } : i)),
        );
        setSave({ state: "saved" });
        return true;
      } catch {
        setSave({
          state: "error",
          message: "Not saved: no connection. Your feedback is still here; it will save with your next change.",
        });
        return false;
      }
    },
    [classId],
  );
  // One save at a time, in order.
  const persist = useCallback(
    (next: ReviewItem): Promise<boolean> => {
      const run = inFlight.current.then(() => persistNow(next));
      inFlight.current = run;
      return run;
    },
    [persistNow],
  );

  /** Saves every unsaved edit (of any answer); true when all are saved. */
  const flushAll = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const results = await Promise.all([...pendingEdits.current.values()].map((next) => persist(next)));
    await inFlight.current;
    return results.every(Boolean) && pendingEdits.current.size === 0;
  }, [persist]);

  const change = useCallback(
    (patch: Partial<ReviewItem>, immediately = false) => {
      if (!item) return;
      const next = { ...item, ...patch };
      pendingEdits.current.set(next.answerId, next);
      setItems((all) => all.map((i) => (i.answerId === item.answerId ? next : i)));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushAll(), immediately ? 0 : 600);
    },
    [item, flushAll],
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
      if (!(await flushAll())) {
        setSave({
          state: "error",
          message: "Not returned: the feedback could not be saved first. Check the message above and try again.",
        });
        return;
      }
      let res: Response;
      let data: { returned?: number; notReturned?: NotReturned[]; message?: string };
      try {
        res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        data = (await res.json()) as typeof data;
      } catch {
        return setSave({
          state: "error",
          message: "Not returned: no connection. Your feedback is saved as a draft; try again.",
        });
      }
      if (!res.ok) return setSave({ state: "error", message: data.message ?? "Not returned." });
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
      setSave(kept.size > 0 ? { state: "error", message: summary } : { state: "idle" });
      setAnnouncement(moveOn && gone.has(moveOn) ? `${summary} ${moveOnFrom(after, moveOn)}` : summary);
    },
    [flushAll, nameOf, moveOnFrom],
  );

  /** Returns the answer being read, once every criterion has a level; then on to the next to review. */
  const returnThis = useCallback(() => {
    if (!item) return;
    const missing = missingCriteria(rubric, item.rubricLevels);
    if (missing.length > 0) {
      setCriterion(rubric.indexOf(missing[0]!));
      return setSave({ state: "error", message: unscoredMessage(missing.map((c) => c.name)) });
    }
    if (item.state === "returned" && !pendingEdits.current.has(item.answerId))
      return setSave({
        state: "error",
        message: "This answer is already returned; change the feedback to return it again.",
      });
    void sendReturn("/api/feedback/return", { classId, answerIds: [item.answerId] }, [item.answerId], item.answerId);
  }, [item, rubric, sendReturn, classId]);
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
    let res: Response;
    let data: { message?: string };
    try {
      res = await fetch("/api/feedback/undo-return", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ classId, answerId: item.answerId }),
      });
      data = (await res.json()) as typeof data;
    } catch {
      return setSave({ state: "error", message: "The return was not taken back: no connection. Try again." });
    }
    if (!res.ok) {
      setItems((all) => all.map((i) => (i.answerId === item.answerId ? { ...i, canUndoReturn: false } : i)));
      return setSave({ state: "error", message: data.message ?? "The return could not be taken back." });
    }
    setItems((all) =>
      all.map((i) => (i.answerId === item.answerId ? { ...i, state: "draft", canUndoReturn: false } : i)),
    );
    setSave({ state: "idle" });
    setAnnouncement(`Return taken back: ${item.studentName}'s feedback is a draft again.`);
  }, [item, classId]);

  const go = useCallback(
    (delta: number) => {
      void flushAll();
      setIndex((i) => Math.min(items.length - 1, Math.max(0, i + delta)));
      setCriterion(0);
      setSave({ state: "idle" });
    },
    [items.length, flushAll],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pendingEdits.current.size > 0) {
        void flushAll();
        event.preventDefault();
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [flushAll]);

  const root = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  /** Focus on the answer, the rubric or a control of the workbench that takes no text: where the keys act. */
  const keysAct = useCallback(
    (el: Element | null) => !!el && !!root.current?.contains(el) && !head.current?.contains(el) && !takesText(el),
    [],
  );
  const gate = useRef(idleGate);
  const [keysOn, setKeysOn] = useState(false);
  /** Leaving a text field of the workbench with Escape keeps focus here, where the keys work. */
  const focusWorkbench = useCallback(() => root.current?.focus({ preventScroll: true }), []);

  // Shortcut keys: only while focus is in the workbench and not in a text field, and never within a word.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const inside = !!target && !!root.current?.contains(target);
      if (inside && takesText(target) && event.key === "Escape" && target instanceof HTMLTextAreaElement)
        focusWorkbench();
      const c = rubric[criterion];
      const shifted = event.shiftKey && /^Digit[1-9]$/.test(event.code);
      const isShortcut =
        !!item &&
        (shifted ||
          ["s", "m", "j", "k", "]", "[", "c", "r"].includes(event.key) ||
          (!!c && levelForKey(c.levels, event.key) >= 0));
      const out = gateKey(gate.current, {
        key: event.key,
        time: event.timeStamp,
        withCommand: event.metaKey || event.ctrlKey || event.altKey,
        inWorkbench: keysAct(target),
        isShortcut,
      });
      gate.current = out.state;
      if (!out.act || !item) return;
      if (shifted) saved.current?.insert(Number(event.code.slice(5)));
      else if (event.key === "s") saved.current?.saveCurrent();
      else if (event.key === "m") startWordComment();
      else if (event.key === "j") go(1);
      else if (event.key === "k") go(-1);
      else if (event.key === "]") setCriterion((x) => Math.min(rubric.length - 1, x + 1));
      else if (event.key === "[") setCriterion((x) => Math.max(0, x - 1));
      else if (event.key === "c") comment.current?.focus();
      else if (event.key === "r") returnThis();
      else if (c) {
        const level = c.levels[levelForKey(c.levels, event.key)]!;
        change({ rubricLevels: { ...item.rubricLevels, [c.id]: level.points } }, true);
        setCriterion((x) => Math.min(rubric.length - 1, x + 1));
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item, go, change, returnThis, criterion, rubric, startWordComment, focusWorkbench, keysAct]);

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
      onFocus={() => setKeysOn(keysAct(document.activeElement))}
      onBlur={(e) => setKeysOn(keysAct(e.relatedTarget as Element | null))}
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
                setSave({
                  state: "error",
                  message: "Those words overlap a comment already there: remove it first, or select other words.",
                });
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
        <p className={styles.saveState} role="status" data-state={save.state}>
          {save.state === "saving"
            ? "Saving…"
            : save.state === "saved"
              ? "Draft saved"
              : save.state === "error"
                ? save.message
                : ""}
        </p>

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
