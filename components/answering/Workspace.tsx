"use client";

import { createContext, useContext, useEffect, useState } from "react";
import type { Workspace as AnswersWorkspace } from "@/db/access/answers";
import type { PassageDiscussion } from "@/lib/discussion/view";
import type { MyMark } from "@/db/access/marks";
import { sendJson } from "@/lib/http/send-json";
import { useViewer, type Viewer } from "@/components/auth/Viewer";

/** What /api/workspace answers: the learner's work on the lesson, and on a passage page its discussion. */
export type Workspace = AnswersWorkspace & {
  discussion: PassageDiscussion | null;
  /** The reader's own marks on the passage (none on other pages). */
  marks: MyMark[];
  viewer: Viewer;
};

export type WorkspaceState =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "error"; message: string }
  | {
      status: "ready";
      workspace: Workspace;
      lessonSlug: string;
      setWorkspace: (update: (w: Workspace) => Workspace) => void;
    };

const WorkspaceContext = createContext<WorkspaceState>({ status: "loading" });

export function useWorkspace(): WorkspaceState {
  return useContext(WorkspaceContext);
}

/**
 * The per-user part of a prerendered lesson page: one small authenticated request for the
 * learner's context, drafts and results, made by the browser after the page has loaded.
 */
export function WorkspaceProvider({
  lessonSlug,
  passageKey,
  children,
}: {
  lessonSlug: string;
  passageKey?: string;
  children: React.ReactNode;
}) {
  const [state, setState] = useState<WorkspaceState>({ status: "loading" });
  const { expect, supply, refresh } = useViewer();
  useEffect(() => {
    const leaving = new AbortController();
    let settled = false; // whether the header has its viewer from this page (or was told to ask)
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ticket = expect(); // the header's viewer comes with this request
    const load = async (attempt = 0): Promise<void> => {
      // A busy server or a dropped connection gets a few more tries before the page says so.
      const retry = (message: string) => {
        if (attempt < 3) timer = setTimeout(() => void load(attempt + 1), 1000 * 2 ** attempt);
        else {
          setState({ status: "error", message });
          settled = true;
          void refresh(); // the header asks for itself
        }
      };
      // A link may name the class whose discussion to show (`?class=`); the page itself is the same for everyone.
      const classId = passageKey ? new URLSearchParams(window.location.search).get("class") : null;
      const query = new URLSearchParams({
        lesson: lessonSlug,
        ...(passageKey ? { passage: passageKey } : {}),
        ...(classId ? { class: classId } : {}),
      });
      const answer = await sendJson<Workspace | { signedIn: false }>(`/api/workspace?${query}`, {
        signal: leaving.signal,
      });
      if (leaving.signal.aborted) return;
      if (answer.status === 0)
        return retry("Your answers could not be loaded: no connection. Reload when you are back online.");
      // (A 401 no longer comes for a visitor, who gets `{ signedIn: false }`; kept for a server that still answers so.)
      if (answer.status === 401) {
        settled = true;
        supply(null, ticket);
        return setState({ status: "anonymous" });
      }
      if (answer.status >= 500) return retry("Your answers could not be loaded. Reload the page in a moment.");
      if (!answer.ok) {
        settled = true;
        void refresh();
        return setState({ status: "error", message: answer.message ?? "Your answers could not be loaded." });
      }
      settled = true;
      if ("signedIn" in answer.data) {
        supply(null, ticket);
        return setState({ status: "anonymous" });
      }
      const workspace = answer.data;
      supply(workspace.viewer, ticket);
      setState({
        status: "ready",
        workspace,
        lessonSlug,
        setWorkspace: (update) =>
          setState((s) => (s.status === "ready" ? { ...s, workspace: update(s.workspace) } : s)),
      });
    };
    void load();
    return () => {
      leaving.abort();
      clearTimeout(timer);
      // Left before the workspace answered: the header must not wait for it.
      if (!settled) void refresh();
    };
  }, [lessonSlug, passageKey, expect, supply, refresh]);
  return <WorkspaceContext.Provider value={state}>{children}</WorkspaceContext.Provider>;
}
