"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { chooseVoice } from "@/lib/reading/read-aloud";
import styles from "./ReadAloud.module.css";

// The player's code loads on the first press, not with every passage page.
const ReadAloudPlayer = lazy(() => import("./ReadAloudPlayer"));

export type SpokenSentence = { id: string; text: string };

/**
 * "Read aloud": offered only when the browser has a voice for the page's language. Voices often
 * arrive after the page has loaded (Chrome announces them with `voiceschanged`), so it listens.
 */
export function ReadAloud({ sentences }: { sentences: SpokenSentence[] }) {
  const [available, setAvailable] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    const check = () => setAvailable(chooseVoice(synth.getVoices(), document.documentElement.lang || "en") !== null);
    check();
    synth.addEventListener("voiceschanged", check);
    return () => synth.removeEventListener("voiceschanged", check);
  }, []);

  if (!available || sentences.length === 0) return null;
  if (!open)
    return (
      <button ref={button} type="button" className={styles.start} onClick={() => setOpen(true)}>
        <span aria-hidden="true" className={styles.icon}>
          ▶
        </span>{" "}
        Read aloud
      </button>
    );
  return (
    <Suspense fallback={<p className={styles.loading}>Getting the reader ready…</p>}>
      <ReadAloudPlayer
        sentences={sentences}
        onClose={() => {
          setOpen(false);
          // The Stop button is gone: put focus back where reading started.
          requestAnimationFrame(() => button.current?.focus());
        }}
      />
    </Suspense>
  );
}
