"use client";

import { createContext, useContext, useEffect, useState } from "react";
import type { Workspace as AnswersWorkspace } from "@/db/access/answers";
import type { PassageDiscussion } from "@/lib/discussion/view";
import { useViewer, type Viewer } from "@/components/auth/Viewer";

/** What /api/workspace answers: the learner's work on the lesson, and on a passage page its discussion. */
export type Workspace = AnswersWorkspace & { discussion: PassageDiscussion | null; viewer: Viewer };

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
    let cancelled = false;
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
      try {
        // A link may name the class whose discussion to show (`?class=`); the page itself is the same for everyone.
        const classId = passageKey ? new URLSearchParams(window.location.search).get("class") : null;
        const query = new URLSearchParams({
          lesson: lessonSlug,
          ...(passageKey ? { passage: passageKey } : {}),
          ...(classId ? { class: classId } : {}),
        });
        const res = await fetch(`/api/workspace?${query}`, { cache: "no-store" });
        if (cancelled) {
          void res.body?.cancel();
          return;
        }
        // (A 401 no longer comes for a visitor, who gets `{ signedIn: false }`; kept for a server that still answers so.)
        if (res.status === 401) {
          // Read (and drop) the body: an unread response keeps its connection busy, and the page never "network idle".
          void res.body?.cancel();
          settled = true;
          supply(null, ticket);
          return setState({ status: "anonymous" });
        }
        if (res.status >= 500) {
          void res.body?.cancel();
          return retry("Your answers could not be loaded. Reload the page in a moment.");
        }
        if (!res.ok) {
          settled = true;
          void refresh();
          return setState({
            status: "error",
            message: ((await res.json()) as { message?: string }).message ?? "Your answers could not be loaded.",
          });
        }
        const body = (await res.json()) as Workspace | { signedIn: false };
        settled = true;
        if ("signedIn" in body) {
          supply(null, ticket);
          return setState({ status: "anonymous" });
        }
        const workspace = body;
        supply(workspace.viewer, ticket);
        setState({
          status: "ready",
          workspace,
          lessonSlug,
          setWorkspace: (update) =>
            setState((s) => (s.status === "ready" ? { ...s, workspace: update(s.workspace) } : s)),
        });
      } catch {
        if (!cancelled) retry("Your answers could not be loaded: no connection. Reload when you are back online.");
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      // Left before the workspace answered: the header must not wait for it.
      if (!settled) void refresh();
    };
  }, [lessonSlug, passageKey, expect, supply, refresh]);
  return <WorkspaceContext.Provider value={state}>{children}</WorkspaceContext.Provider>;
}
