"use client";

import { useCallback, useEffect, useId, useMemo, useState } from "react";
import type { PublicQuestion } from "@/lib/lesson/public-question";
import { questionTypeLabel } from "@/lib/lesson/public-question";
import { emptyResponse, isAnswered, type AnswerResponse } from "@/lib/answers/response-shape";
import type { CheckResult } from "@/db/access/answers";
import type { QuestionContent } from "@/content/schema";
import { sendJson, worthRetrying } from "@/lib/http/send-json";
import { useAnswerDraft, type Draft, type SaveStatus } from "./useAnswerDraft";
import { useWorkspace } from "./Workspace";
import { Reveal } from "./Reveal";
import { FeedbackNote } from "./FeedbackNote";
import { useEvidencePicking } from "@/components/reading/EvidencePicking";
import styles from "./QuestionCard.module.css";

export type PassageSentence = { id: string; text: string };
export type ArticlePassage = { key: string; title: string; sentences: PassageSentence[] };

const kindLabel = { comprehension: "Comprehension", critical: "Critical thinking" } as const;

type Props = {
  question: PublicQuestion;
  number: number;
  sentences: PassageSentence[];
  article?: ArticlePassage[] | null;
};

/** One question: its inputs, autosaved as the learner works, and its check or results. */
export function QuestionCard({ question: q, number, sentences: passageSentences, article = null }: Props) {
  // A question on the whole article picks from every passage's sentences, grouped by passage; any other from its own.
  const wholeArticle =
    (q.type === "evidence" || q.type === "open_response") && q.citationScope === "lesson" && article ? article : null;
  const sentences = useMemo(
    () => (wholeArticle ? wholeArticle.flatMap((p) => p.sentences) : passageSentences),
    [wholeArticle, passageSentences],
  );
  const ws = useWorkspace();
  const ready = ws.status === "ready" ? ws : null;
  const submitted = !!ready?.workspace.submittedAt;
  const contextKey = ready?.workspace.context.contextKey ?? "self";
  const saved = ready?.workspace.answers[q.key] ?? null;
  const storageKey = ready
    ? `marginalia:draft:${ready.workspace.owner}:${ready.lessonSlug}:${contextKey}:${q.key}`
    : null;

  const save = useCallback(
    async (draft: Draft) => {
      const answer = await sendJson<{ revision?: number }>("/api/answers", {
        method: "PUT",
        body: {
          lessonSlug: ready?.lessonSlug,
          questionKey: q.key,
          contextKey,
          response: draft.response,
          citedSentences: draft.citedSentences,
        },
      });
      const revision = answer.ok ? answer.data.revision : undefined;
      if (typeof revision === "number") {
        // Keep the page's count of answered questions in step with what is saved.
        ready?.setWorkspace((w) => {
          const wasAnswered = w.answers[q.key] ? isAnswered(w.answers[q.key]!.response) : false;
          const nowAnswered = isAnswered(draft.response);
          return {
            ...w,
            answers: {
              ...w.answers,
              [q.key]: { ...draft, revision, savedAt: new Date().toISOString() },
            },
            answeredCount: w.answeredCount + (nowAnswered ? 1 : 0) - (wasAnswered ? 1 : 0),
          };
        });
        return { ok: true as const };
      }
      if (answer.status === 0)
        return { ok: false as const, retry: true, message: "Not saved, retrying: no connection." };
      const message = answer.ok ? undefined : answer.message;
      const retry = !answer.ok && worthRetrying(answer);
      return {
        ok: false as const,
        retry,
        message: retry
          ? `Not saved, retrying. ${message ?? ""}`.trim()
          : (message ?? "This answer could not be saved."),
      };
    },
    [ready?.lessonSlug, q.key, contextKey],
  );
  const autosave = useAnswerDraft({
    storageKey,
    questionType: q.type,
    serverDraft: saved ? { response: saved.response, citedSentences: saved.citedSentences } : null,
    save,
    enabled: !!ready && !submitted,
  });
  const draft: Draft =
    autosave.draft ??
    (saved
      ? { response: saved.response, citedSentences: saved.citedSentences }
      : { response: emptyResponse(q.type), citedSentences: [] });

  const [check, setCheck] = useState<{ result?: CheckResult; error?: string; pending?: boolean }>({});
  const revealed =
    check.result ??
    (ready?.workspace.reveal[q.key]
      ? {
          ...ready.workspace.reveal[q.key]!,
          checkedAt: null,
          attemptNumber: ready.workspace.reveal[q.key]!.checks ?? 0,
        }
      : null);
  const selfStudy = ready?.workspace.context.mode === "self";
  const disabled = !ready || submitted;
  const answered = isAnswered(draft.response);
  const headingId = useId();

  async function runCheck() {
    const checked = draft; // the answer as it stands when the learner asks
    setCheck({ pending: true });
    await autosave.flush();
    const answer = await sendJson<CheckResult>("/api/answers/check", {
      body: {
        lessonSlug: ready?.lessonSlug,
        questionKey: q.key,
        response: checked.response,
        citedSentences: checked.citedSentences,
      },
    });
    setCheck(
      answer.ok
        ? { result: answer.data }
        : {
            error:
              answer.status === 0
                ? "The answer could not be checked: no connection. Your answer is kept; try again in a moment."
                : (answer.message ?? "The answer could not be checked."),
          },
    );
  }

  return (
    <li className={styles.card}>
      <h3 id={headingId} className={styles.title}>
        Question {number}
        <span className={styles.badges}>
          <span className={styles.badge}>{questionTypeLabel[q.type]}</span>
          <span className={styles.badge} data-kind={q.kind}>
            {kindLabel[q.kind]}
          </span>
          <span className={styles.points}>
            {q.points} {q.points === 1 ? "point" : "points"}
          </span>
        </span>
      </h3>
      <AnswerInput
        question={q}
        number={number}
        draft={draft}
        sentences={sentences}
        groups={wholeArticle}
        disabled={disabled}
        loaded={!!ready}
        onChange={autosave.update}
      />
      <div className={styles.footer}>
        {ready && !submitted && <SaveIndicator status={autosave.status} />}
        {ready && submitted && <span className={styles.status}>{answered ? "Submitted" : "Not answered"}</span>}
        {selfStudy && (
          <button type="button" className={styles.check} onClick={runCheck} disabled={check.pending}>
            {check.pending ? "Checking…" : revealed ? "Check again" : "Check answer"}
          </button>
        )}
      </div>
      {check.error && (
        <p role="alert" className={styles.error}>
          {check.error}
        </p>
      )}
      {ready?.workspace.feedback[q.key] && (
        <FeedbackNote
          feedback={ready.workspace.feedback[q.key]!}
          points={q.points}
          answerText={draft.response.type === "open_response" ? draft.response.text : undefined}
        />
      )}
      {revealed && (
        <Reveal
          label={`Feedback on question ${number}`}
          question={revealed.question as QuestionContent}
          score={revealed.score}
          maxPoints={revealed.maxPoints}
          response={draft.response}
          attemptNumber={revealed.attemptNumber}
          sentences={sentences}
          answered={!submitted || answered}
        />
      )}
    </li>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.kind === "saving"
      ? "Saving…"
      : status.kind === "saved"
        ? "Saved"
        : status.kind === "retrying"
          ? status.message
          : status.kind === "refused"
            ? status.message
            : "";
  return (
    <span role="status" className={styles.status} data-kind={status.kind}>
      {text}
    </span>
  );
}

type InputProps = {
  question: PublicQuestion;
  number: number;
  draft: Draft;
  sentences: PassageSentence[];
  /** Set for a question on the whole article: its sentences by passage. */
  groups: ArticlePassage[] | null;
  disabled: boolean;
  loaded: boolean;
  onChange: (d: Draft) => void;
};

function AnswerInput({ question: q, number, draft, sentences, groups, disabled, loaded, onChange }: InputProps) {
  const source = groups ? "article" : "passage";
  const r = draft.response;
  const set = (response: AnswerResponse) => onChange({ ...draft, response });
  const name = `answer-${q.key}`;
  switch (q.type) {
    case "single_choice":
    case "multiple_select": {
      const single = q.type === "single_choice";
      const chosen = single
        ? [(r as Extract<AnswerResponse, { type: "single_choice" }>).optionId]
        : (r as Extract<AnswerResponse, { type: "multiple_select" }>).optionIds;
      return (
        <fieldset className={styles.fieldset} disabled={disabled}>
          <legend className={styles.prompt}>{q.prompt}</legend>
          <p className={styles.hint}>{single ? "Choose one answer." : "Choose every answer that applies."}</p>
          {q.options.map((o) => (
            <label key={o.id} className={styles.option}>
              <input
                type={single ? "radio" : "checkbox"}
                name={name}
                value={o.id}
                checked={chosen.includes(o.id)}
                onChange={(e) => {
                  if (single) set({ type: "single_choice", optionId: o.id });
                  else {
                    const ids = (r as Extract<AnswerResponse, { type: "multiple_select" }>).optionIds;
                    set({
                      type: "multiple_select",
                      optionIds: e.target.checked ? [...ids, o.id] : ids.filter((x) => x !== o.id),
                    });
                  }
                }}
              />
              <span>{o.text}</span>
              {disabled && loaded && chosen.includes(o.id) && <span className={styles.yourChoice}>Your answer</span>}
            </label>
          ))}
        </fieldset>
      );
    }
    case "short_answer":
      return (
        <div className={styles.field}>
          <label htmlFor={name} className={styles.prompt}>
            {q.prompt}
          </label>
          <p className={styles.hint} id={`${name}-hint`}>
            A word, a name or a number.
          </p>
          <input
            id={name}
            type="text"
            className={styles.text}
            maxLength={q.maxLength}
            disabled={disabled}
            aria-describedby={`${name}-hint`}
            value={(r as Extract<AnswerResponse, { type: "short_answer" }>).text}
            onChange={(e) => set({ type: "short_answer", text: e.target.value })}
            autoComplete="off"
          />
        </div>
      );
    case "evidence":
      // The sentence list only once the learner's work has loaded: the prerendered page has the text once, in the passage.
      if (!loaded) {
        return (
          <>
            <p className={styles.prompt}>{q.prompt}</p>
            <p className={styles.hint}>
              Answered by selecting sentences of the {source}
              {q.maxSelections ? ` (up to ${q.maxSelections})` : ""}.
            </p>
          </>
        );
      }
      return (
        <SentencePicker
          owner={q.key}
          label={`question ${number}`}
          legend={q.prompt}
          hint={`Select the sentences of the ${source} that support the claim${q.maxSelections ? ` (up to ${q.maxSelections})` : ""}.`}
          sentences={sentences}
          groups={groups}
          selected={(r as Extract<AnswerResponse, { type: "evidence" }>).sentenceIds}
          max={q.maxSelections ?? undefined}
          disabled={disabled}
          onChange={(sentenceIds) => set({ type: "evidence", sentenceIds })}
        />
      );
    case "open_response":
      return (
        <OpenResponse
          question={q}
          number={number}
          draft={draft}
          sentences={sentences}
          groups={groups}
          disabled={disabled}
          loaded={loaded}
          onChange={onChange}
        />
      );
  }
}

function OpenResponse({
  question: q,
  number,
  draft,
  sentences,
  groups,
  disabled,
  loaded,
  onChange,
}: InputProps & { question: Extract<PublicQuestion, { type: "open_response" }> }) {
  const text = (draft.response as Extract<AnswerResponse, { type: "open_response" }>).text;
  const id = `answer-${q.key}`;
  const cited = useMemo(
    () => sentences.filter((s) => draft.citedSentences.includes(s.id)),
    [sentences, draft.citedSentences],
  );
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.prompt}>
        {q.prompt}
      </label>
      <details className={styles.rubric}>
        <summary>How this answer is read (rubric, {q.points} points)</summary>
        <ul>
          {q.rubric.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> ({Math.max(...c.levels.map((l) => l.points))} points):{" "}
              {c.levels[c.levels.length - 1]!.description}
            </li>
          ))}
        </ul>
      </details>
      <textarea
        id={id}
        className={styles.textarea}
        rows={6}
        maxLength={q.maxLength}
        disabled={disabled}
        aria-describedby={`${id}-count`}
        value={text}
        onChange={(e) => onChange({ ...draft, response: { type: "open_response", text: e.target.value } })}
      />
      <p id={`${id}-count`} className={styles.count} aria-live="off">
        {text.length.toLocaleString("en")} / {q.maxLength.toLocaleString("en")} characters
      </p>
      {cited.length > 0 && (
        <div className={styles.cited}>
          <p className={styles.hint}>Your evidence from the text:</p>
          {cited.map((s) => (
            <blockquote key={s.id}>{s.text}</blockquote>
          ))}
        </div>
      )}
      {loaded && (
        <details className={styles.cite}>
          <summary>
            {groups ? "Cite the text, from the whole article" : "Cite the text"} ({draft.citedSentences.length} cited)
          </summary>
          <SentencePicker
            owner={q.key}
            label={`question ${number}`}
            legend="Sentences you rely on"
            hint={
              groups
                ? "Attach the sentences of the whole article your answer rests on, from any passage."
                : "Attach the sentences of the passage your answer rests on."
            }
            sentences={sentences}
            groups={groups}
            selected={draft.citedSentences}
            max={10}
            disabled={disabled}
            onChange={(citedSentences) => onChange({ ...draft, citedSentences })}
          />
        </details>
      )}
    </div>
  );
}

/** Sentences of the passage (or of the article, by passage) as checkboxes: mouse, touch and keyboard alike. */
function SentencePicker({
  owner,
  label,
  legend,
  hint,
  sentences,
  groups = null,
  selected,
  max,
  disabled,
  onChange,
}: {
  /** The question's key, and how the passage's bar names it while choosing there. */
  owner: string;
  label: string;
  legend: string;
  hint: string;
  sentences: PassageSentence[];
  groups?: ArticlePassage[] | null;
  selected: string[];
  max?: number;
  disabled: boolean;
  onChange: (ids: string[]) => void;
}) {
  const full = max !== undefined && selected.length >= max;
  const groupId = useId();
  // The same choice can be made in the passage's text: this list stays, and both show the draft's choice.
  const picking = useEvidencePicking();
  const choosingHere = picking?.session?.owner === owner;
  useEffect(() => {
    picking?.sync(owner, selected, onChange);
  });
  // A submitted lesson, or a list that is gone, can no longer be chosen for.
  const release = picking?.release;
  useEffect(() => {
    if (disabled) release?.(owner);
  }, [disabled, owner, release]);
  useEffect(() => () => release?.(owner), [owner, release]);
  const box = (s: PassageSentence) => {
    const checked = selected.includes(s.id);
    return (
      <label key={s.id} className={styles.sentence}>
        <input
          type="checkbox"
          value={s.id}
          checked={checked}
          disabled={!checked && full}
          // Keep the text's order, whatever order they were ticked in.
          onChange={(e) =>
            onChange(
              e.target.checked
                ? sentences.filter((x) => x.id === s.id || selected.includes(x.id)).map((x) => x.id)
                : selected.filter((x) => x !== s.id),
            )
          }
        />
        <span>{s.text}</span>
      </label>
    );
  };
  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend className={styles.prompt}>{legend}</legend>
      <p className={styles.hint}>{hint}</p>
      {picking && !disabled && (
        <button
          type="button"
          className={styles.pickInText}
          data-active={choosingHere || undefined}
          onClick={(event) =>
            choosingHere
              ? picking.finish()
              : picking.start(
                  { owner, label, order: sentences.map((s) => s.id), max, selected, returnTo: event.currentTarget },
                  onChange,
                )
          }
        >
          {choosingHere ? "Done choosing in the passage" : "Choose in the passage"}
        </button>
      )}
      {groups
        ? groups.map((g, i) => (
            <div key={g.key} role="group" aria-labelledby={`${groupId}-${i}`} className={styles.sentenceGroup}>
              <p id={`${groupId}-${i}`} className={styles.groupTitle}>
                Passage {i + 1}: {g.title}
              </p>
              {g.sentences.map(box)}
            </div>
          ))
        : sentences.map(box)}
    </fieldset>
  );
}
