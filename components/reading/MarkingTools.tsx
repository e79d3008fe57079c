"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useWorkspace } from "@/components/answering/Workspace";
import type { MyMark } from "@/db/access/marks";
import { sendJson, worthRetrying } from "@/lib/http/send-json";
import {
  markTagLabel,
  markTags,
  markTagSymbol,
  quoteSelector,
  textFromSpans,
  type MarkTag,
  type TextPosition,
} from "@/lib/reading/marks";
import { truncateAtWord } from "@/lib/text";
import { domRanges, pageSentences, selectionPosition } from "./text-offsets";
import styles from "./Marks.module.css";

/** `edge`: where the bar goes, away from the selected words (a phone's selection is often near the foot). */
type Pending = { position: TextPosition; quote: string; edge: "top" | "bottom" };

/**
 * Marking the passage: select words, then tag them Claim, Evidence, Opinion or Question from the
 * bar that appears; "My marks" lists them in text order with a private note each. Marks are shown
 * in the text with the CSS Custom Highlight API (the prerendered text is never rewritten), each tag
 * with its own underline as well as its colour, and a badge with the tag's letter at each mark's end.
 */
export default function MarkingTools({ lessonSlug, passageKey }: { lessonSlug: string; passageKey: string }) {
  const state = useWorkspace();
  const marks = state.status === "ready" ? state.workspace.marks : [];
  const setMarks = useCallback(
    (update: (marks: MyMark[]) => MyMark[]) => {
      if (state.status === "ready") state.setWorkspace((w) => ({ ...w, marks: update(w.marks) }));
    },
    [state],
  );
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<{ text: string; markId?: string; error?: boolean } | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [edge, setEdge] = useState<"top" | "bottom">("bottom");
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending) setEdge(pending.edge);
  }, [pending]);

  // Focus stays in the bar when its tag buttons go: on "Add a note", the likely next step.
  useEffect(() => {
    if (status?.markId) bar.current?.querySelector<HTMLElement>("[data-add-note]")?.focus();
  }, [status?.markId]);

  // "Marked as …" goes after a while, unless the reader is using the bar.
  useEffect(() => {
    if (!status || status.error || pending) return;
    const timer = setTimeout(() => {
      if (!bar.current?.contains(document.activeElement)) setStatus(null);
    }, 8000);
    return () => clearTimeout(timer);
  }, [status, pending]);

  useEffect(() => setRoot(document.querySelector<HTMLElement>("[data-passage-text]")), []);

  // Paint: one highlight per tag, and one for the mark being shown.
  useEffect(() => {
    if (!root || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const registry = CSS.highlights;
    const version = root.dataset.textVersion;
    const shown = (m: MyMark) => m.position && m.textVersion === version;
    for (const tag of markTags) {
      const ranges = marks.filter((m) => m.tag === tag && shown(m)).flatMap((m) => domRanges(root, m.position!));
      registry.set(`mark-${tag}`, new Highlight(...ranges));
    }
    const currentMark = marks.find((m) => m.id === current);
    if (currentMark && shown(currentMark))
      registry.set("mark-current", new Highlight(...domRanges(root, currentMark.position!)));
    else registry.delete("mark-current");
    return () => {
      for (const tag of markTags) registry.delete(`mark-${tag}`);
      registry.delete("mark-current");
    };
  }, [root, marks, current]);

  // A selection of the passage's words opens the bar; one elsewhere, or none, closes it (not while the bar has focus).
  useEffect(() => {
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      const selection = document.getSelection();
      if (bar.current?.contains(document.activeElement)) return;
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return setPending(null);
      const range = selection.getRangeAt(0);
      if (!range.intersectsNode(root)) return setPending(null);
      const position = selectionPosition(root, range);
      if (!position) return setPending(null);
      const quote = pageSentences(root)
        .filter((s) => s.end > position.start && s.start < position.end)
        .map((s) => s.text.slice(Math.max(0, position.start - s.start), position.end - s.start))
        .join(" ")
        .trim();
      if (!quote) return setPending(null);
      const rect = range.getBoundingClientRect();
      setPending({ position, quote, edge: rect.bottom > window.innerHeight * 0.6 ? "top" : "bottom" });
      setStatus(null);
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(read, 120);
    };
    document.addEventListener("selectionchange", onChange);
    onChange(); // words selected while the tools were loading
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [root]);

  // One mark at a time: a double tap, or Claim then Evidence in a hurry, must not make two.
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const create = async (position: TextPosition, tag: MarkTag) => {
    if (!root || savingRef.current) return false;
    savingRef.current = true;
    setSaving(true);
    setStatus({ text: "Saving the mark…" });
    // The words as this page shows them: if the lesson was imported again since, the server places the mark by them.
    const quote = quoteSelector(textFromSpans(pageSentences(root)), position);
    const answer = await sendJson<{ mark: MyMark }>("/api/marks", {
      method: "POST",
      body: {
        lessonSlug,
        passageKey,
        textVersion: root.dataset.textVersion ?? "",
        start: position.start,
        end: position.end,
        tag,
        quote,
      },
    });
    savingRef.current = false;
    setSaving(false);
    if (!answer.ok) {
      setStatus({ text: answer.message ?? "The mark could not be saved. Try again.", error: true });
      return false;
    }
    const mark = answer.data.mark;
    setMarks((all) => [...all, mark]);
    setPending(null);
    document.getSelection()?.removeAllRanges();
    setStatus({ text: `Marked as ${markTagLabel[tag]}.`, markId: mark.id });
    return true;
  };

  return (
    <>
      {/* Always there, so what it says is announced (a region that arrives with its text is often not). */}
      <p role="status" className="visually-hidden">
        {status?.text}
      </p>
      {(pending || status) && (
        <div ref={bar} className={styles.bar} data-edge={edge} role="region" aria-label="Mark the selected words">
          {pending && (
            <>
              <p className={styles.barQuote}>Mark “{truncateAtWord(pending.quote, 60)}” as:</p>
              <div className={styles.tagButtons}>
                {markTags.map((tag) => (
                  <button
                    key={tag}
                    type="button"
                    className={styles.tagButton}
                    data-tag={tag}
                    aria-disabled={saving || undefined}
                    onClick={() => void create(pending.position, tag)}
                  >
                    <span aria-hidden="true" className={styles.symbol} data-tag={tag}>
                      {markTagSymbol[tag]}
                    </span>
                    {markTagLabel[tag]}
                  </button>
                ))}
              </div>
            </>
          )}
          <p className={status?.error ? styles.error : styles.barStatus}>
            {status?.text}
            {status?.markId && (
              <>
                {" "}
                <button
                  type="button"
                  className={styles.linkButton}
                  data-add-note
                  onClick={() => {
                    const note = document.getElementById(`note-${status.markId}`);
                    note?.scrollIntoView({ block: "center" });
                    note?.focus({ preventScroll: true });
                    setStatus(null);
                  }}
                >
                  Add a note
                </button>
              </>
            )}
          </p>
          <button
            type="button"
            className={styles.close}
            onClick={() => {
              setPending(null);
              setStatus(null);
              document.getSelection()?.removeAllRanges();
              document.getElementById("passage-title")?.focus();
            }}
          >
            Close
          </button>
        </div>
      )}
      <MyMarks
        marks={marks}
        root={root}
        lessonSlug={lessonSlug}
        setMarks={setMarks}
        onShow={(mark) => {
          setCurrent(mark.id);
          const badge = document.getElementById(`badge-${mark.id}`);
          badge?.scrollIntoView({ block: "center" });
          badge?.focus({ preventScroll: true });
        }}
        onCreate={create}
      />
    </>
  );
}

function MyMarks({
  marks,
  root,
  lessonSlug,
  setMarks,
  onShow,
  onCreate,
}: {
  marks: MyMark[];
  root: HTMLElement | null;
  lessonSlug: string;
  setMarks: (update: (marks: MyMark[]) => MyMark[]) => void;
  onShow: (mark: MyMark) => void;
  onCreate: (position: TextPosition, tag: MarkTag) => Promise<boolean>;
}) {
  // Until the passage is found, every placed mark is taken as this page's (no flash of the list below).
  const version = root?.dataset.textVersion;
  const here = (m: MyMark) => !root || m.textVersion === version;
  const placed = marks
    .filter((m) => m.position && here(m))
    .sort((a, b) => a.position!.start - b.position!.start || a.position!.end - b.position!.end);
  const unplaced = marks.filter((m) => !m.position);
  // Placed in a newer text than this page shows (imported since it was built): listed, not painted.
  const elsewhere = marks.filter((m) => m.position && !here(m));
  const exportBase = `/api/marks/export?${new URLSearchParams({ lesson: lessonSlug })}`;
  return (
    <section className={styles.panel} aria-labelledby="my-marks-heading">
      <h2 id="my-marks-heading" tabIndex={-1}>
        My marks <span className={styles.count}>({marks.length})</span>
      </h2>
      <p className={styles.legend}>
        {markTags.map((tag) => (
          <span key={tag} className={styles.legendItem}>
            <span aria-hidden="true" className={styles.symbol} data-tag={tag}>
              {markTagSymbol[tag]}
            </span>{" "}
            <span className={styles.sample} data-tag={tag}>
              {markTagLabel[tag]}
            </span>
          </span>
        ))}
      </p>
      {marks.length === 0 && (
        <p className={styles.empty}>
          Select words in the passage, then choose Claim, Evidence, Opinion or Question, and add a note to any mark.
          Your marks and notes are yours; your teacher sees only how many students marked each sentence, never who.
        </p>
      )}
      {placed.length > 0 && (
        <ol className={styles.list}>
          {placed.map((mark) => (
            <MarkItem key={mark.id} mark={mark} setMarks={setMarks} onShow={onShow} />
          ))}
        </ol>
      )}
      <OffTextGroup
        marks={elsewhere}
        setMarks={setMarks}
        heading="In a newer version of this passage"
        hint="The passage has been edited since this page was made; these marks are placed in the new text. Reload the page later to see them in it."
      />
      <OffTextGroup
        marks={unplaced}
        setMarks={setMarks}
        heading="Could not be placed"
        hint="The passage was edited and these words are no longer in it. Your tag and note are kept."
      />
      <MarkSentenceForm root={root} onCreate={onCreate} />
      {marks.length > 0 && (
        <p className={styles.downloads}>
          Download my marks on this lesson:{" "}
          <a href={`${exportBase}&format=text`} download>
            plain text
          </a>{" "}
          ·{" "}
          <a href={`${exportBase}&format=jsonld`} download>
            Web Annotation (JSON-LD)
          </a>
        </p>
      )}
    </section>
  );
}

/** Marks listed but not shown in this page's text, with why. */
function OffTextGroup({
  marks,
  setMarks,
  heading,
  hint,
}: {
  marks: MyMark[];
  setMarks: (update: (marks: MyMark[]) => MyMark[]) => void;
  heading: string;
  hint: string;
}) {
  if (marks.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <p className={styles.hint}>{hint}</p>
      <ol className={styles.list}>
        {marks.map((mark) => (
          <MarkItem key={mark.id} mark={mark} setMarks={setMarks} />
        ))}
      </ol>
    </>
  );
}

function MarkItem({
  mark,
  setMarks,
  onShow,
}: {
  mark: MyMark;
  setMarks: (update: (marks: MyMark[]) => MyMark[]) => void;
  onShow?: (mark: MyMark) => void;
}) {
  // The tag and the note are the reader's as soon as chosen or typed; the server's answers merge only what they changed.
  const [tag, setTag] = useState<MarkTag>(mark.tag);
  const [note, setNote] = useState(mark.note ?? "");
  const [saved, setSaved] = useState(mark.note ?? "");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [noteSaved, setNoteSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ note, saved });
  latest.current = { note, saved };
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const noteId = `note-${mark.id}`;
  const quoteId = `quote-${mark.id}`;
  const hintId = useId();

  const patch = (body: { tag?: MarkTag; note?: string | null }) =>
    sendJson<{ mark: MyMark }>("/api/marks", { method: "PATCH", body: { id: mark.id, ...body } });

  const saveNote = async (attempt = 0): Promise<void> => {
    const text = latest.current.note;
    if (text === latest.current.saved || inFlight.current) return;
    inFlight.current = true;
    const answer = await patch({ note: text.trim() ? text : null });
    inFlight.current = false;
    if (answer.ok) {
      setSaved(text);
      setNoteSaved(true);
      setNoteError(null);
      setMarks((all) => all.map((m) => (m.id === mark.id ? { ...m, note: answer.data.mark.note } : m)));
    } else if (worthRetrying(answer) && attempt < 4) {
      // No connection or a busy server: tried again, later each time; the text stays in the field meanwhile.
      retry.current = setTimeout(() => void saveNote(attempt + 1), 1000 * 2 ** attempt);
    } else setNoteError(answer.message ?? "The note could not be saved. Try again.");
  };

  // A note is saved a moment after typing stops and on leaving the field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: saveNote reads the latest note itself
  useEffect(() => {
    if (note === saved) return;
    const timer = setTimeout(() => void saveNote(), 1200);
    return () => clearTimeout(timer);
  }, [note, saved]);

  // Leaving the page (a reload, another tab on a phone) or the list within that moment still saves it.
  useEffect(() => {
    const flush = () => {
      const { note: text, saved: kept } = latest.current;
      if (text === kept) return;
      void fetch("/api/marks", {
        method: "PATCH",
        keepalive: true,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ id: mark.id, note: text.trim() ? text : null }),
      });
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      clearTimeout(retry.current);
      flush();
    };
  }, [mark.id]);

  return (
    <li id={`mark-${mark.id}`} tabIndex={-1} className={styles.item} data-tag={tag}>
      <p className={styles.itemQuote} id={quoteId}>
        <span className={styles.tagLabel} data-tag={tag}>
          <span aria-hidden="true" className={styles.symbol} data-tag={tag}>
            {markTagSymbol[tag]}
          </span>{" "}
          {markTagLabel[tag]}
        </span>{" "}
        <q>{truncateAtWord(mark.quote.exact, 240)}</q>
      </p>
      <div className={styles.itemControls}>
        {onShow && (
          <button type="button" className={styles.linkButton} aria-describedby={quoteId} onClick={() => onShow(mark)}>
            Show in text
          </button>
        )}
        <label>
          Tag{" "}
          <select
            value={tag}
            aria-describedby={quoteId}
            onChange={async (event) => {
              const chosen = event.target.value as MarkTag;
              const before = tag;
              setTag(chosen);
              setError(null);
              const answer = await patch({ tag: chosen });
              if (answer.ok) setMarks((all) => all.map((m) => (m.id === mark.id ? { ...m, tag: chosen } : m)));
              else {
                setTag((now) => (now === chosen ? before : now));
                setError(answer.message ?? "The tag could not be changed. Try again.");
              }
            }}
          >
            {markTags.map((t) => (
              <option key={t} value={t}>
                {markTagLabel[t]}
              </option>
            ))}
          </select>
        </label>
        {confirming ? (
          <span role="group" aria-label="Delete this mark?">
            Delete this mark{note.trim() ? " and its note" : ""}?{" "}
            <button
              type="button"
              className={styles.danger}
              aria-describedby={quoteId}
              onClick={async () => {
                const answer = await sendJson<{ deleted: string }>("/api/marks", {
                  method: "DELETE",
                  body: { id: mark.id },
                });
                if (answer.ok || answer.status === 404) {
                  latest.current = { note: "", saved: "" }; // nothing left to save on the way out
                  document.getElementById("my-marks-heading")?.focus();
                  setMarks((all) => all.filter((m) => m.id !== mark.id));
                } else setError(answer.message ?? "The mark could not be deleted. Try again.");
              }}
            >
              Delete
            </button>{" "}
            <button
              type="button"
              ref={keepButton}
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => deleteButton.current?.focus());
              }}
            >
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            ref={deleteButton}
            aria-describedby={quoteId}
            onClick={() => {
              setConfirming(true);
              requestAnimationFrame(() => keepButton.current?.focus());
            }}
          >
            Delete
          </button>
        )}
      </div>
      <label htmlFor={noteId} className={styles.noteLabel}>
        Note <span className={styles.hint}>(private)</span>
      </label>
      <textarea
        id={noteId}
        className={styles.note}
        value={note}
        rows={2}
        maxLength={2000}
        aria-describedby={`${quoteId} ${hintId}`}
        onChange={(event) => {
          setNote(event.target.value);
          setNoteSaved(false);
        }}
        onBlur={() => void saveNote()}
      />
      <p id={hintId} className={styles.hint}>
        {noteSaved ? "Note saved." : ""}
      </p>
      {(noteError || error) && (
        <p role="alert" className={styles.error}>
          {noteError ?? error}
          {noteError && (
            <>
              {" "}
              <button type="button" className={styles.linkButton} onClick={() => void saveNote()}>
                Try again
              </button>
            </>
          )}
        </p>
      )}
    </li>
  );
}

/** Marking a whole sentence without selecting words: for the keyboard and screen readers. */
function MarkSentenceForm({
  root,
  onCreate,
}: {
  root: HTMLElement | null;
  onCreate: (position: TextPosition, tag: MarkTag) => Promise<boolean>;
}) {
  const [sentence, setSentence] = useState("");
  const [tag, setTag] = useState<MarkTag>("claim");
  const sentences = root ? pageSentences(root) : [];
  if (sentences.length === 0) return null;
  return (
    <details className={styles.sentenceForm}>
      <summary>Mark a whole sentence</summary>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const chosen = sentences[Number(sentence)];
          if (chosen && (await onCreate({ start: chosen.start, end: chosen.end }, tag))) setSentence("");
        }}
      >
        <label>
          Sentence{" "}
          <select value={sentence} onChange={(event) => setSentence(event.target.value)} required>
            <option value="">Choose a sentence</option>
            {sentences.map((s, i) => (
              <option key={s.start} value={i}>
                {i + 1}. {truncateAtWord(s.text, 70)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Tag{" "}
          <select value={tag} onChange={(event) => setTag(event.target.value as MarkTag)}>
            {markTags.map((t) => (
              <option key={t} value={t}>
                {markTagLabel[t]}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">Mark the sentence</button>
      </form>
    </details>
  );
}
