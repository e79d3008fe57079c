"use client";

import { type FocusEvent, useCallback, useEffect, useRef, useState } from "react";
import { gateKey, idleGate } from "@/lib/review/shortcut-gate";
import { type Shortcut, shortcutFor } from "@/lib/review/shortcut-keys";

/** Text fields take keys as text; everything else in the workbench (the answer, a level, a button) takes shortcuts. */
function takesText(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !["radio", "checkbox", "button", "submit", "reset"].includes(el.type);
  return (el as HTMLElement).isContentEditable;
}

/**
 * The review workbench's keyboard: a key is a shortcut (lib/review/shortcut-keys.ts) only while
 * focus is in the workbench (`root`), not in its `head` nor in a text field, and never within a
 * word (lib/review/shortcut-gate.ts). Escape in a text area of the workbench gives focus back to
 * the workbench, where the keys work. `keysOn` says whether they work where focus is now; spread
 * `focusEvents` on the root to keep it current.
 */
export function useReviewKeys({
  enabled,
  levels,
  onShortcut,
}: {
  /** Whether there is an answer to act on. */
  enabled: boolean;
  /** The active criterion's levels, for the level keys. */
  levels: readonly { points: number }[] | undefined;
  onShortcut: (shortcut: Shortcut) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const gate = useRef(idleGate);
  const [keysOn, setKeysOn] = useState(false);
  // The listener stays; it reads what the workbench rendered last.
  const latest = useRef({ enabled, levels, onShortcut });
  latest.current = { enabled, levels, onShortcut };

  /** Focus on the answer, the rubric or a control of the workbench that takes no text: where the keys act. */
  const keysAct = useCallback(
    (el: Element | null) => !!el && !!root.current?.contains(el) && !head.current?.contains(el) && !takesText(el),
    [],
  );
  /** Leaving a text field of the workbench with Escape keeps focus here, where the keys work. */
  const focusWorkbench = useCallback(() => root.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const inside = !!target && !!root.current?.contains(target);
      if (inside && takesText(target) && event.key === "Escape" && target instanceof HTMLTextAreaElement)
        focusWorkbench();
      const { enabled, levels, onShortcut } = latest.current;
      const shortcut = enabled ? shortcutFor(event, levels) : null;
      const out = gateKey(gate.current, {
        key: event.key,
        time: event.timeStamp,
        withCommand: event.metaKey || event.ctrlKey || event.altKey,
        inWorkbench: keysAct(target),
        isShortcut: shortcut !== null,
      });
      gate.current = out.state;
      if (!out.act || !shortcut) return;
      onShortcut(shortcut);
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [keysAct, focusWorkbench]);

  const focusEvents = {
    onFocus: () => setKeysOn(keysAct(document.activeElement)),
    onBlur: (e: FocusEvent) => setKeysOn(keysAct(e.relatedTarget as Element | null)),
  };

  return { root, head, keysOn, focusWorkbench, focusEvents };
}
