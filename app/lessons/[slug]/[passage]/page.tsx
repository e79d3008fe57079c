import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPassagePage, listPassageRoutes } from "@/db/access/lessons";
import { annotatePassage } from "@/lib/lesson/annotate";
import { passageTextModel } from "@/lib/reading/marks";
import { speaks } from "@/lib/lesson/voices";
import { PassageText, type SentenceVoice, type TermInfo } from "@/components/lesson/PassageText";
import { VoiceHighlighter } from "@/components/lesson/VoiceHighlighter";
import { ReadAloud } from "@/components/reading/ReadAloud";
import { Marking } from "@/components/reading/Marks";
import { ReadingPreferencesControl } from "@/components/reading/ReadingPreferences";
import { EvidencePickingBar, EvidencePickingProvider } from "@/components/reading/EvidencePicking";
// The legible font's faces: a browser downloads them only when a reader chooses it.
import "@fontsource/atkinson-hyperlegible/400.css";
import "@fontsource/atkinson-hyperlegible/700.css";
import { PassageQuestions } from "@/components/answering/PassageQuestions";
import { WorkspaceProvider } from "@/components/answering/Workspace";
import { PassageDiscussion } from "@/components/discussion/PassageDiscussion";
import { PassageNav } from "@/components/lesson/PassageNav";
import { PassageProgress } from "@/components/lesson/PassageProgress";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import styles from "./passage.module.css";

/** Only imported lessons exist: an unknown address is a 404 without rendering (or caching) anything. */
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string; passage: string }> };

/** Lesson text changes only on import, so every passage is prerendered at build time. */
export async function generateStaticParams() {
  return await listPassageRoutes();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, passage } = await params;
  const page = await getPassagePage(slug, passage);
  return { title: page ? `${page.passage.title} · ${page.lesson.title}` : "Passage not found" };
}

export default async function PassagePage({ params }: Props) {
  const { slug, passage: passageKey } = await params;
  const page = await getPassagePage(slug, passageKey);
  if (!page) notFound();
  const { lesson, passage, voices, glossary } = page;

  const paragraphs = annotatePassage(passage.body, glossary, voices);
  const textModel = passageTextModel(passage.body);
  const sentences = passage.body.flatMap((g) => g.sentences.map((x) => ({ id: x.id, text: x.text })));
  const terms = new Map<string, TermInfo>(
    glossary.map((t) => [t.key, { term: t.term, category: t.category, definition: t.definition }]),
  );
  // "Highlight who speaks": the sentences where a voice speaks, not those where it is only spoken about.
  const speakers = voices
    .map((v) => ({ ...v, appearances: v.appearances.filter((a) => speaks(a.mode)) }))
    .filter((v) => v.appearances.length > 0);
  const voicesBySentence = new Map<string, SentenceVoice[]>();
  for (const v of speakers) {
    for (const a of v.appearances) {
      voicesBySentence.set(a.sentence, [
        ...(voicesBySentence.get(a.sentence) ?? []),
        { name: v.name, slot: v.position % 8, mode: a.mode },
      ]);
    }
  }

  return (
    <div className="page">
      <Breadcrumbs
        trail={[
          { href: "/lessons", label: "Lessons" },
          { href: `/lessons/${lesson.slug}`, label: lesson.title },
        ]}
      />
      <PassageProgress position={passage.position} total={lesson.passageCount} />
      <WorkspaceProvider lessonSlug={lesson.slug} passageKey={passage.key}>
        <EvidencePickingProvider>
          <div className={styles.layout}>
            <article className={styles.reading} aria-labelledby="passage-title">
              <h1 id="passage-title" tabIndex={-1}>
                {passage.title}
              </h1>
              <ReadAloud sentences={sentences} />
              <ReadingPreferencesControl />
              <EvidencePickingBar />
              <VoiceHighlighter
                voices={speakers.map((v) => ({
                  key: v.key,
                  name: v.name,
                  role: v.role,
                  slot: v.position % 8,
                  count: v.appearances.length,
                }))}
              >
                <PassageText
                  paragraphs={paragraphs}
                  terms={terms}
                  voicesOf={(id) => voicesBySentence.get(id) ?? []}
                  textModel={textModel}
                />
              </VoiceHighlighter>
              <Marking lessonSlug={lesson.slug} passageKey={passage.key} />
            </article>
            <div className={styles.questions}>
              <PassageQuestions
                lessonSlug={lesson.slug}
                questions={page.questions}
                sentences={sentences}
                article={page.article}
              />
            </div>
          </div>
          <PassageDiscussion lessonSlug={lesson.slug} passageKey={passage.key} prompts={passage.discussionPrompts} />
        </EvidencePickingProvider>
      </WorkspaceProvider>
      <PassageNav slug={lesson.slug} previous={page.previous} next={page.next} />
    </div>
  );
}
