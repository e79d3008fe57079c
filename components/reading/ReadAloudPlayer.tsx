"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  chooseVoice,
  isReadAloudRate,
  READ_ALOUD_RATES,
  readAloudStatus,
  sentenceChoiceLabel,
  type ReadAloudPhase,
  type ReadAloudRate,
} from "@/lib/reading/read-aloud";
import type { SpokenSentence } from "./ReadAloud";
import styles from "./ReadAloud.module.css";

const RATE_KEY = "marginalia:read-aloud-rate";

function storedRate(): ReadAloudRate {
  try {
    const value = Number(localStorage.getItem(RATE_KEY));
    return isReadAloudRate(value) ? value : 1;
  } catch {
    return 1;
  }
}

/**
 * Reads the passage with the browser's speech synthesis, one utterance per sentence (Chrome cuts
 * long utterances off, and a sentence is what a reader skips by), marking the sentence being read.
 */
export default function ReadAloudPlayer({ sentences, onClose }: { sentences: SpokenSentence[]; onClose: () => void }) {
  const [index, setIndex] = useState(0);
  const [phase, setPhase] = useState<ReadAloudPhase>("reading");
  const [rate, setRate] = useState<ReadAloudRate>(storedRate);
  // Every utterance carries the number it was started with: the end or error of one that was
  // cancelled (by a skip, a new speed or Stop) must not move the reading on.
  const generation = useRef(0);
  const rateRef = useRef(rate);
  const player = useRef<HTMLDivElement>(null);
  const pause = useRef<HTMLButtonElement>(null);
  const previous = useRef<HTMLElement | null>(null);

  const speakFrom = useCallback(
    (start: number) => {
      const synth = window.speechSynthesis;
      const current = ++generation.current;
      synth.cancel();
      if (synth.paused) synth.resume(); // a paused synthesiser would hold the next utterance
      const speak = (i: number) => {
        const utterance = new SpeechSynthesisUtterance(sentences[i]!.text);
        const voice = chooseVoice(synth.getVoices(), document.documentElement.lang || "en");
        if (voice) {
          utterance.voice = voice;
          utterance.lang = voice.lang;
        }
        utterance.rate = rateRef.current;
        utterance.onend = () => {
          if (current !== generation.current) return;
          if (i + 1 < sentences.length) speak(i + 1);
          else setPhase("finished");
        };
        utterance.onerror = (event) => {
          if (current !== generation.current || event.error === "interrupted" || event.error === "canceled") return;
          setPhase("failed");
        };
        setIndex(i);
        setPhase("reading");
        synth.speak(utterance);
      };
      speak(start);
    },
    [sentences],
  );

  // Start at once: the press that opened the player is the user's go-ahead the browser asks for.
  // The button pressed is gone: focus goes to Pause, the control most wanted next.
  useEffect(() => {
    pause.current?.focus();
    speakFrom(0);
    const stop = () => {
      generation.current++;
      window.speechSynthesis.cancel();
    };
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      stop();
    };
  }, [speakFrom]);

  // Mark the sentence being read (not by colour alone: an outline and an underline), and keep it in view.
  useEffect(() => {
    if (phase === "finished") return;
    const element = document.getElementById(`s-${sentences[index]!.id}`);
    if (!element) return;
    element.setAttribute("data-reading", phase);
    // In view means below the player, which stays at the top of the screen. The page follows the
    // reading only while the reader does: one who scrolled away to the questions is left there.
    const covered = player.current?.getBoundingClientRect().bottom ?? 0;
    const inView = (e: HTMLElement) => {
      const box = e.getBoundingClientRect();
      return box.top >= covered && box.bottom <= window.innerHeight;
    };
    const following = !previous.current || previous.current === element || inView(previous.current);
    previous.current = element;
    if (following && !inView(element)) {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
    return () => element.removeAttribute("data-reading");
  }, [index, phase, sentences]);

  function togglePause() {
    const synth = window.speechSynthesis;
    if (phase === "reading") {
      synth.pause();
      setPhase("paused");
    } else if (phase === "paused") {
      synth.resume();
      setPhase("reading");
    } else speakFrom(phase === "finished" ? 0 : index);
  }

  function changeRate(next: ReadAloudRate) {
    setRate(next);
    rateRef.current = next;
    try {
      localStorage.setItem(RATE_KEY, String(next));
    } catch {
      // Private browsing without storage: the speed lasts for this page.
    }
    // A speed applies from the next utterance: start the sentence being read again at the new one.
    if (phase === "reading") speakFrom(index);
  }

  function stop() {
    generation.current++;
    window.speechSynthesis.cancel();
    onClose();
  }

  const last = sentences.length - 1;
  return (
    <div ref={player} role="group" aria-label="Read aloud" className={styles.player}>
      <div className={styles.top}>
        <p role="status" className={styles.status}>
          {readAloudStatus(phase, index, sentences.length)}
        </p>
        <button type="button" onClick={stop}>
          Stop
        </button>
      </div>
      <div className={styles.controls}>
        <button ref={pause} type="button" onClick={togglePause}>
          {phase === "reading" ? "Pause" : phase === "finished" ? "Read again" : "Resume"}
        </button>
        <button type="button" onClick={() => speakFrom(index - 1)} disabled={index === 0 || phase === "finished"}>
          Previous<span className="visually-hidden"> sentence</span>
        </button>
        <button type="button" onClick={() => speakFrom(index + 1)} disabled={index === last || phase === "finished"}>
          Next<span className="visually-hidden"> sentence</span>
        </button>
        <label className={styles.field}>
          Speed
          <select value={rate} onChange={(e) => changeRate(Number(e.target.value) as ReadAloudRate)}>
            {READ_ALOUD_RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className={`${styles.field} ${styles.goto}`}>
        Go to sentence
        <select value={index} onChange={(e) => speakFrom(Number(e.target.value))}>
          {sentences.map((s, i) => (
            <option key={s.id} value={i}>
              {sentenceChoiceLabel(s.text, i)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
