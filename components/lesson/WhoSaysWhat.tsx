import Link from "next/link";
import type { LessonOverview, VoiceView } from "@/db/access/lessons";
import { describeModes, modeLabel, speaks, voiceKindLabel } from "@/lib/lesson/voices";
import styles from "./WhoSaysWhat.module.css";

/** Every voice in the article: who they are, what they stand to gain or lose, and where they speak. */
export function WhoSaysWhat({ lesson }: { lesson: LessonOverview }) {
  const passageTitle = new Map(lesson.passages.map((p) => [p.key, p.title]));
  return (
    <section aria-labelledby="voices-heading" className={styles.panel}>
      <h2 id="voices-heading">Who says what</h2>
      <p className="muted">
        Every person, organisation and unnamed source the article relies on, the outlet's own voice among them, and the
        people it speaks about. Ask of each: how do they know, and what do they stand to gain or lose?
      </p>
      <ul className={styles.grid}>
        {lesson.voices.map((voice) => (
          <li key={voice.key} className={styles.voice} data-voice-slot={voiceSlot(lesson.voices, voice)}>
            <h3 className={styles.name}>{voice.name}</h3>
            <p className={styles.kind}>{voiceKindLabel(voice.kind)}</p>
            <p className={styles.role}>
              {voice.role} · {voice.affiliation}
            </p>
            <p>
              <strong>Stake:</strong> {voice.stake}
            </p>
            <p className={styles.modes}>{describeModes(voice.appearances.map((a) => a.mode))}</p>
            <details className={styles.where}>
              <summary>
                {voice.appearances.every((a) => !speaks(a.mode))
                  ? "Where they are spoken about"
                  : voice.kind === "person"
                    ? "Where they speak"
                    : "Where it appears"}{" "}
                ({voice.appearances.length})
              </summary>
              <ol>
                {voice.appearances.map((a) => (
                  <li key={a.sentenceId}>
                    <span className={styles.mode}>{modeLabel[a.mode]}</span> in{" "}
                    <Link
                      prefetch={false}
                      href={`/lessons/${lesson.slug}/${a.passageKey}?voice=${voice.key}#s-${a.sentenceId}`}
                    >
                      {passageTitle.get(a.passageKey)}
                    </Link>
                    <blockquote className={styles.quote}>{a.text}</blockquote>
                  </li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function voiceSlot(all: VoiceView[], voice: VoiceView): number {
  return all.indexOf(voice) % 8;
}
