"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import styles from "./EvidencePicking.module.css";

/**
 * Choosing evidence in the passage itself. A question's sentence list (components/answering)
 * starts a session; while it lasts each of its sentences in the passage carries a toggle (a real
 * button, so Tab reaches them in reading order and Space or Enter toggles), a click anywhere on a
 * sentence toggles it too, and a bar says how many are chosen. The question's own checkboxes stay,
 * and both show the same choice: the question's draft is the one place it is kept.
 */
type Session = {
  /** The question choosing (its key), and how the bar names it. */
  owner: string;
  label: string;
  /** Its sentences, in the text's order; those in this passage's text get a toggle. */
  order: string[];
  max?: number;
  /** With a limit of one: choosing another sentence replaces the chosen one (a post's quote). */
  replace?: boolean;
  selected: string[];
  /** Where focus goes back to when done. */
  returnTo: HTMLElement | null;
};

type PickingContext = {
  session: Session | null;
  /** The last toggle was refused: the question was full. */
  refused: boolean;
  start: (session: Session, onChange: (ids: string[]) => void) => void;
  /** The owner's latest choice and handler, after each of its renders. */
  sync: (owner: string, selected: string[], onChange: (ids: string[]) => void) => void;
  /** Refused when the question is full: the sentence stays unchosen and the bar says why. */
  toggle: (sentenceId: string) => void;
  finish: () => void;
  /** Ends the owner's session without moving focus: its list is gone or can no longer change. */
  release: (owner: string) => void;
};

const Context = createContext<PickingContext | null>(null);

export function useEvidencePicking(): PickingContext | null {
  return useContext(Context);
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function EvidencePickingProvider({ children }: { children: React.ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [refused, setRefused] = useState(false);
  const onChange = useRef<(ids: string[]) => void>(() => {});
  const current = useRef<Session | null>(null);
  current.current = session;

  const start = useCallback((next: Session, handler: (ids: string[]) => void) => {
    onChange.current = handler;
    setRefused(false);
    setSession(next);
  }, []);

  const sync = useCallback((owner: string, selected: string[], handler: (ids: string[]) => void) => {
    if (current.current?.owner !== owner) return;
    onChange.current = handler;
    setSession((s) => {
      if (!s || s.owner !== owner || same(s.selected, selected)) return s;
      setRefused(false); // a changed choice makes "unselect one first" old news
      return { ...s, selected };
    });
  }, []);

  const toggle = useCallback((sentenceId: string) => {
    const s = current.current;
    if (!s) return;
    const full = !s.selected.includes(sentenceId) && s.max !== undefined && s.selected.length >= s.max;
    if (full && s.replace && s.max === 1) {
      setRefused(false);
      onChange.current([sentenceId]);
      return;
    }
    setRefused(full);
    if (full) return;
    onChange.current(
      s.selected.includes(sentenceId)
        ? s.selected.filter((x) => x !== sentenceId)
        : // Keep the text's order, whatever order they were chosen in.
          s.order.filter((x) => x === sentenceId || s.selected.includes(x)),
    );
  }, []);

  const finish = useCallback(() => {
    const s = current.current;
    setSession(null);
    if (s?.returnTo) {
      const target = s.returnTo;
      requestAnimationFrame(() => {
        target.scrollIntoView({ block: "center" });
        target.focus();
      });
    }
  }, []);

  const release = useCallback((owner: string) => {
    if (current.current?.owner === owner) setSession(null);
  }, []);

  const value = useMemo(
    () => ({ session, refused, start, sync, toggle, finish, release }),
    [session, refused, start, sync, toggle, finish, release],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** A sentence's toggle, rendered in the passage text; nothing unless the sentence can be chosen now. */
export function SentenceToggle({ sentenceId, number }: { sentenceId: string; number: number }) {
  const picking = useEvidencePicking();
  const session = picking?.session;
  if (!session?.order.includes(sentenceId)) return null;
  const chosen = session.selected.includes(sentenceId);
  const full = !chosen && !session.replace && session.max !== undefined && session.selected.length >= session.max;
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={chosen}
      aria-disabled={full || undefined}
      aria-label={`Sentence ${number}`}
      aria-describedby={`s-${sentenceId}`}
      className={styles.toggle}
      data-pick={sentenceId}
      data-not-text
      onClick={() => picking!.toggle(sentenceId)}
    />
  );
}

/**
 * The bar over the passage while choosing: which question, how many chosen, and Done. It also lets
 * a click anywhere on a sentence toggle it, and Escape finish.
 */
export function EvidencePickingBar() {
  const picking = useEvidencePicking();
  const session = picking?.session ?? null;
  const bar = useRef<HTMLDivElement>(null);
  const owner = session?.owner;

  // On starting: the bar into view (on a phone the passage is above the questions), focus on the first toggle.
  useEffect(() => {
    if (!owner) return;
    requestAnimationFrame(() => {
      // The first box, not the bar: a sticky bar's place on the page is wherever it is stuck.
      const first = bar.current?.closest("article")?.querySelector<HTMLElement>("[data-pick]");
      first?.scrollIntoView({ block: "center" });
      first?.focus({ preventScroll: true });
    });
  }, [owner]);

  useEffect(() => {
    const article = bar.current?.closest("article");
    if (!owner || !article || !picking) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      // Toggles, glossary terms (and their open definitions) and links do their own thing; so does selecting words.
      if (target.closest("button, a, summary, input, select, textarea, [role='tooltip']")) return;
      if (window.getSelection()?.isCollapsed === false) return;
      const toggle = target.closest("[id^='s-']")?.querySelector<HTMLElement>("[data-pick]");
      if (!toggle) return;
      picking.toggle(toggle.dataset.pick!);
      toggle.focus({ preventScroll: true });
    };
    const onKey = (event: KeyboardEvent) => {
      // Escape on a box or in the bar; elsewhere it belongs to what has focus (a definition, a panel).
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target as HTMLElement;
      if (!target.closest("[data-pick], [data-evidence-bar]")) return;
      event.preventDefault();
      picking.finish();
    };
    article.addEventListener("click", onClick);
    article.addEventListener("keydown", onKey);
    return () => {
      article.removeEventListener("click", onClick);
      article.removeEventListener("keydown", onKey);
    };
  }, [owner, picking]);

  if (!session || !picking) return null;
  const count = session.selected.length;
  return (
    <div ref={bar} role="group" aria-label="Choosing evidence" className={styles.bar} data-evidence-bar>
      <p className={styles.what}>
        Choosing evidence for {session.label}. Click or tap sentences in the text, or Tab to a sentence's box and press
        Space.
      </p>
      <div className={styles.row}>
        <p role="status" className={styles.count}>
          {count} {session.max !== undefined ? `of ${session.max} ` : ""}chosen
          {picking.refused && session.max !== undefined
            ? `. You can choose up to ${session.max}: unselect one first.`
            : ""}
        </p>
        <button type="button" className={styles.done} onClick={picking.finish}>
          Done
        </button>
      </div>
    </div>
  );
}
