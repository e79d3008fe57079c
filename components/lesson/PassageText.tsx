import type { AnnotatedParagraph } from "@/lib/lesson/annotate";
import { modeLabel, type AttributionMode } from "@/lib/lesson/voices";
import type { PassageTextModel } from "@/lib/reading/marks";
import { SentenceToggle } from "@/components/reading/EvidencePicking";
import { SentenceMarks } from "@/components/reading/Marks";
import { GlossaryTerm } from "./GlossaryTerm";
import styles from "./PassageText.module.css";

export type TermInfo = { term: string; category: string; definition: string };
export type SentenceVoice = { name: string; slot: number; mode: AttributionMode };

/**
 * The passage, paragraph by paragraph, with a stable id on every paragraph and sentence
 * (the targets of "who says what" links and of evidence answers), and each sentence's place in the
 * passage's plain text (data-start, data-end), which a reader's marks are counted in. What is not
 * the passage's words (voice labels, toggles, definitions, mark badges) carries data-not-text.
 */
export function PassageText({
  paragraphs,
  terms,
  voicesOf,
  textModel,
}: {
  paragraphs: AnnotatedParagraph[];
  terms: Map<string, TermInfo>;
  voicesOf: (sentenceId: string) => SentenceVoice[];
  /** Where each sentence lies in the passage's plain text, which marks count in (lib/reading/marks.ts). */
  textModel: PassageTextModel;
}) {
  const spanOf = new Map(textModel.sentences.map((s) => [s.id, s]));
  // Sentences are numbered through the passage, as the toggles for choosing evidence name them.
  let number = 0;
  return (
    <div className={styles.text} data-passage-text data-text-version={textModel.version}>
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
                  data-start={spanOf.get(sentence.id)?.start}
                  data-end={spanOf.get(sentence.id)?.end}
                >
                  <SentenceToggle sentenceId={sentence.id} number={++number} />
                  {voices.map((v) => (
                    <span key={v.slot} data-voice-label={v.slot} data-not-text>
                      {v.name}, {modeLabel[v.mode].toLowerCase()}:
                    </span>
                  ))}
                  {sentence.segments.map((segment, j) => {
                    const info = segment.termKey ? terms.get(segment.termKey) : undefined;
                    return info ? <GlossaryTerm key={j} text={segment.text} {...info} /> : segment.text;
                  })}
                  <SentenceMarks
                    start={spanOf.get(sentence.id)?.start ?? 0}
                    end={spanOf.get(sentence.id)?.end ?? 0}
                    textVersion={textModel.version}
                  />
                </span>
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
