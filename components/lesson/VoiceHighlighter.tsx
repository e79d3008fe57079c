"use client";

import { useEffect, useState } from "react";
import styles from "./VoiceHighlighter.module.css";

export type PassageVoice = { key: string; name: string; role: string; slot: number; count: number };

/**
 * Toggles that highlight the sentences each voice speaks in, so a reader sees whose words
 * they are reading. The text itself stays server-rendered; this only sets which slots show.
 */
export function VoiceHighlighter({ voices, children }: { voices: PassageVoice[]; children: React.ReactNode }) {
  const [shown, setShown] = useState<string[]>([]);

  // Links from the overview's "Who says what" panel arrive with ?voice=<key>.
  useEffect(() => {
    const requested = new URLSearchParams(window.location.search).get("voice");
    if (requested && voices.some((v) => v.key === requested)) setShown([requested]);
  }, [voices]);

  const toggle = (key: string) => setShown((s) => (s.includes(key) ? s.filter((k) => k !== key) : [...s, key]));
  const slots = voices.filter((v) => shown.includes(v.key)).map((v) => v.slot);

  return (
    <div className={styles.highlighter} data-show={slots.join(" ")}>
      {voices.length > 0 && (
        <div role="group" aria-labelledby="voices-toggle-label" className={styles.controls}>
          <span id="voices-toggle-label" className={styles.label}>
            Highlight who speaks:
          </span>
          {voices.map((v) => (
            <button
              key={v.key}
              type="button"
              aria-pressed={shown.includes(v.key)}
              className={styles.toggle}
              data-voice-slot={v.slot}
              title={v.role}
              onClick={() => toggle(v.key)}
            >
              <span className={styles.swatch} aria-hidden="true" />
              {v.name} <span className={styles.count}>({v.count})</span>
            </button>
          ))}
          <button
            type="button"
            className={styles.all}
            onClick={() => setShown(shown.length === voices.length ? [] : voices.map((v) => v.key))}
          >
            {shown.length === voices.length ? "Clear all" : "Show all"}
          </button>
        </div>
      )}
      {children}
    </div>
  );
}
