"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewItem, ReviewQueue } from "@/db/access/feedback";
import { SavedComments, type SavedCommentsHandle } from "./SavedComments";
import { AnnotatedAnswer } from "./AnnotatedAnswer";
import { validInlineComments } from "@/lib/inline-comments";
import styles from "./ReviewWorkbench.module.css";

type Current = NonNullable<ReviewQueue["current"]>;
type SaveState = "idle" | "saving" | "saved" | "error";

const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous answer"],
  ["1 – 4", "level of the active criterion (then the next criterion)"],
  ["[ / ]", "previous / next criterion"],
  ["c", "write the comment (Esc leaves it)"],
  ["m", "comment on the words selected in the answer"],
  ["Shift + 1 – 9", "insert saved comment 1 – 9"],
  ["s", "save the comment for reuse on this question"],
  ["r", "return this feedback to the student"],
];

/**
 * One question's answers, one at a time, scored with the rubric by click or key. Feedback saves
 * as a draft while the instructor works and reaches the student only when returned.
 */
export function ReviewWorkbench({ classId, current }: { classId: string; current: Current }) {
  const [items, setItems] = useState<ReviewItem[]>(current.items);
  const [index, setIndex] = useState(() => Math.max(0, current.items.findIndex((i) => i.state !== "returned")));
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
      div.querySelectorAll("sup").forEach((s) => s.remove());
      return div.textContent ?? "";
    };
    const start = strip(before).length;
    const quote = strip(range);
    return quote.trim() ? { start, end: start + quote.length, quote } : null;
  }, []);

  const startWordComment = useCallback(() => {
    const found = readSelection();
    if (!found) return setSave({ state: "error", message: "Select some words of the answer first, then add a comment to them." });
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
          body: JSON.stringify({ classId, answerId: next.answerId, rubricLevels: next.rubricLevels, comment: next.comment, inlineComments: next.inlineComments }),
        });
        const body = (await res.json()) as { points?: number | null; message?: string };
        if (!res.ok) {
          setSave({ state: "error", message: body.message ?? "Not saved." });
          return false;
        }
        if (pendingEdits.current.get(next.answerId) === next) pendingEdits.current.delete(next.answerId);
        setItems((all) => all.map((i) => (i.answerId === next.answerId ? { ...i, points: body.points ?? null, state: "draft" } : i)));
        setSave({ state: "saved" });
        return true;
      } catch {
        setSave({ state: "error", message: "Not saved: no connection. Your feedback is still here; it will save with your next change." });
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

  const sendReturn = useCallback(
    async (url: string, body: object, answerIds: string[] | "all-drafts") => {
      if (!(await flushAll())) {
        setSave({ state: "error", message: "Not returned: the feedback could not be saved first. Check the message above and try again." });
        return;
      }
      const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const data = (await res.json()) as { returned?: number; message?: string };
      if (!res.ok) return setSave({ state: "error", message: data.message ?? "Not returned." });
      setItems((all) => all.map((i) => ((answerIds === "all-drafts" ? i.state === "draft" : answerIds.includes(i.answerId)) && i.state !== "needs-review" ? { ...i, state: "returned" } : i)));
      setAnnouncement(`${data.returned ?? 0} ${data.returned === 1 ? "answer" : "answers"} returned to ${data.returned === 1 ? "its student" : "their students"}.`);
    },
    [flushAll],
  );
  const returnCurrent = useCallback((answerIds: string[]) => sendReturn("/api/feedback/return", { classId, answerIds }, answerIds), [sendReturn, classId]);
  const returnAllInClass = useCallback(() => sendReturn("/api/feedback/return-all", { classId }, "all-drafts"), [sendReturn, classId]);

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

  // Keyboard shortcuts, except while typing in the comment.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT")) {
        if (event.key === "Escape" && target.tagName === "TEXTAREA") target.blur();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || !item) return;
      if (event.shiftKey && /^Digit[1-9]$/.test(event.code)) saved.current?.insert(Number(event.code.slice(5)));
      else if (event.key === "s") saved.current?.saveCurrent();
      else if (event.key === "m") startWordComment();
      else if (event.key === "j") go(1);
      else if (event.key === "k") go(-1);
      else if (event.key === "]") setCriterion((c) => Math.min(rubric.length - 1, c + 1));
      else if (event.key === "[") setCriterion((c) => Math.max(0, c - 1));
      else if (event.key === "c") {
        event.preventDefault();
        comment.current?.focus();
      } else if (event.key === "r") void returnCurrent([item.answerId]);
      else if (/^[1-9]$/.test(event.key)) {
        const c = rubric[criterion];
        const level = c?.levels[Number(event.key) - 1];
        if (!c || !level) return;
        change({ rubricLevels: { ...item.rubricLevels, [c.id]: level.points } }, true);
        setCriterion((x) => Math.min(rubric.length - 1, x + 1));
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item, go, change, returnCurrent, criterion, rubric, startWordComment]);

  if (!item) return <p>No answers to review for this question.</p>;
  const cited = new Set(item.cited.map((c) => c.id));
  const returnable = items.filter((i) => i.state === "draft").map((i) => i.answerId);

  return (
    <div className={styles.workbench}>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
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
      </section>

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
            {item.state === "needs-review" ? "Needs review" : item.state === "draft" ? "Reviewed, not returned" : "Returned"}
          </span>
        </div>
        <div ref={answerBox}>
          {item.text ? (
            <AnnotatedAnswer text={item.text} comments={item.inlineComments} onRemove={(i) => change({ inlineComments: item.inlineComments.filter((_, j) => j !== i) }, true)} />
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
                setSave({ state: "error", message: "Those words overlap a comment already there: remove it first, or select other words." });
                return setSelection(null);
              }
              change({ inlineComments: next }, true);
              setSelection(null);
            }}
          >
            <label htmlFor="word-comment">Comment on “{selection.quote}”</label>
            <input id="word-comment" ref={wordInput} value={wordComment} maxLength={1000} onChange={(e) => setWordComment(e.target.value)} onKeyDown={(e) => e.key === "Escape" && setSelection(null)} />
            <button type="submit">Add comment</button>
            <button type="button" onClick={() => setSelection(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" className={styles.wordButton} onMouseDown={(e) => e.preventDefault()} onClick={startWordComment}>
            Comment on selected words (m)
          </button>
        )}
        {item.cited.length > 0 && <p className={styles.hint}>Cites {item.cited.length} {item.cited.length === 1 ? "sentence" : "sentences"} of the passage.</p>}

        {rubric.map((c, ci) => (
          <fieldset key={c.id} className={styles.criterion} data-active={ci === criterion || undefined}>
            <legend>
              {c.name}
              {ci === criterion && <span className="visually-hidden"> (active: keys 1 to {c.levels.length})</span>}
            </legend>
            <div className={styles.levels}>
              {c.levels.map((l, li) => (
                <label key={l.label} className={styles.level}>
                  <input
                    type="radio"
                    name={`${item.answerId}-${c.id}`}
                    checked={item.rubricLevels[c.id] === l.points}
                    onChange={() => {
                      setCriterion(ci);
                      change({ rubricLevels: { ...item.rubricLevels, [c.id]: l.points } }, true);
                    }}
                  />
                  <span>
                    <kbd>{li + 1}</kbd> {l.label} ({l.points})
                  </span>
                  <span className={styles.levelText}>{l.description}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <p className={styles.points}>
          Points: {item.points ?? "–"} of {current.question.points}
        </p>

        <label htmlFor="review-comment" className={styles.label}>
          Comment to the student
        </label>
        <textarea id="review-comment" ref={comment} className={styles.comment} rows={4} maxLength={5000} value={item.comment} onChange={(e) => change({ comment: e.target.value })} />
        <SavedComments
          ref={saved}
          lessonSlug={current.lessonSlug}
          questionKey={current.questionKey}
          current={item.comment}
          onInsert={(text) => change({ comment: item.comment.trim() ? `${item.comment.trim()}\n${text}` : text })}
        />
        <p className={styles.saveState} role="status" data-state={save.state}>
          {save.state === "saving" ? "Saving…" : save.state === "saved" ? "Draft saved" : save.state === "error" ? save.message : ""}
        </p>

        <div className={styles.actions}>
          <button type="button" onClick={() => go(-1)} disabled={index === 0}>
            Previous (k)
          </button>
          <button type="button" onClick={() => go(1)} disabled={index === items.length - 1}>
            Next (j)
          </button>
          <button type="button" className={styles.primary} onClick={() => void returnCurrent([item.answerId])} disabled={item.state === "needs-review"}>
            Return to student (r)
          </button>
          <button type="button" onClick={() => void returnCurrent(returnable)} disabled={returnable.length === 0}>
            Return all reviewed on this question ({returnable.length})
          </button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm("Return every reviewed answer in this class, on every question, to its student now?")) void returnAllInClass();
            }}
          >
            Return all reviewed in this class
          </button>
        </div>
        <details className={styles.shortcuts}>
          <summary>Keyboard shortcuts</summary>
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
      </section>
    </div>
  );
}
