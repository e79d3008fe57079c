import type { AnnotatedParagraph } from "@/lib/lesson/annotate";
import { modeLabel, type AttributionMode } from "@/lib/lesson/voices";
import { SentenceToggle } from "@/components/reading/EvidencePicking";
import { GlossaryTerm } from "./GlossaryTerm";
import styles from "./PassageText.module.css";

export type TermInfo = { term: string; category: string; definition: string };
export type SentenceVoice = { name: string; slot: number; mode: AttributionMode };

/**
 * The passage, paragraph by paragraph, with a stable id on every paragraph and sentence
 * (the targets of "who says what" links and, later, of evidence answers).
 */
export function PassageText({
  paragraphs,
  terms,
  voicesOf,
}: {
  paragraphs: AnnotatedParagraph[];
  terms: Map<string, TermInfo>;
  voicesOf: (sentenceId: string) => SentenceVoice[];
}) {
  // Sentences are numbered through the passage, as the toggles for choosing evidence name them.
  let number = 0;
  return (
    <div className={styles.text}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.id} id={`p-${paragraph.id}`}>
          {paragraph.sentences.map((sentence, i) => {
            const voices = voicesOf(sentence.id);
            return (
              <span key={sentence.id}>
                {i > 0 && " "}
                <span
                  id={`s-${sentence.id}`}
                  className={styles.sentence}
                  data-voices={voices.length > 0 ? voices.map((v) => v.slot).join(" ") : undefined}
                >
                  <SentenceToggle sentenceId={sentence.id} number={++number} />
                  {voices.map((v) => (
                    <span key={v.slot} data-voice-label={v.slot}>
                      {v.name}, {modeLabel[v.mode].toLowerCase()}:
                    </span>
                  ))}
                  {sentence.segments.map((segment, j) => {
                    const info = segment.termKey ? terms.get(segment.termKey) : undefined;
                    return info ? <GlossaryTerm key={j} text={segment.text} {...info} /> : segment.text;
                  })}
                </span>
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
