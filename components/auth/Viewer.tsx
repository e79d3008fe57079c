"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { sendJson } from "@/lib/http/send-json";
import type { ReadingPreferences } from "@/lib/reading/preferences";

/** Who is signed in, as the header shows them; lesson pages also learn the account's reading preferences (null: none chosen). */
export type Viewer = {
  name: string;
  email: string;
  role: "student" | "instructor";
  unreadFeedback: number;
  readingPreferences?: ReadingPreferences | null;
};
type ViewerState = { status: "loading" | "ready"; viewer: Viewer | null };
type ViewerContext = ViewerState & {
  /** Asks the server again (after signing in, renaming, reading feedback). */
  refresh: () => Promise<void>;
  /**
   * Sets the viewer. A page that loads per-user data anyway hands the viewer over this way,
   * sparing a request; with the ticket `expect` gave it, so an answer overtaken by a newer one is ignored.
   */
  supply: (viewer: Viewer | null, ticket?: number) => void;
  /** Called by such a page before it asks, so the header does not ask too; returns its ticket. */
  expect: () => number;
};

const Context = createContext<ViewerContext>({
  status: "loading",
  viewer: null,
  refresh: async () => {},
  supply: () => {},
  expect: () => 0,
});

export function useViewer(): ViewerContext {
  return useContext(Context);
}

type SessionResponse = {
  user?: { name?: string | null; email?: string | null };
  role?: Viewer["role"];
  unreadFeedback?: number;
};

/**
 * The browser's view of the session for the header. Pages stay prerendered, so it comes from the
 * browser: from next-auth's session endpoint, or, on lesson pages, from the workspace request
 * the page makes anyway (one request per view instead of two). Every request for it takes a
 * ticket, and only the newest one's answer is shown. It is asked again when the tab comes back
 * into view and when another tab signs in or out.
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<ViewerState>({ status: "loading", viewer: null });
  const supplied = useRef(false);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const answer = await sendJson<SessionResponse>("/api/auth/session");
    if (ticket !== latest.current) return;
    // No connection: keep showing who was signed in.
    if (answer.status === 0) return setState((s) => ({ ...s, status: "ready" }));
    const data = (answer.ok && answer.data) || {};
    const viewer =
      data.user?.email && data.role
        ? {
            name: data.user.name ?? "",
            email: data.user.email,
            role: data.role,
            unreadFeedback: data.unreadFeedback ?? 0,
          }
        : null;
    setState({ status: "ready", viewer });
  }, []);

  // Children's effects run first: a lesson page's workspace has said by now whether it will supply the viewer.
  useEffect(() => {
    if (!supplied.current) void refresh();
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    // next-auth tells other tabs of a sign-in or sign-out through this storage key.
    const onStorage = (event: StorageEvent) => {
      if (event.key === "nextauth.message") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("storage", onStorage);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("storage", onStorage);
    };
  }, [refresh]);

  const supply = useCallback((viewer: Viewer | null, ticket?: number) => {
    if (ticket !== undefined && ticket !== latest.current) return;
    if (ticket === undefined) latest.current++;
    supplied.current = true;
    setState({ status: "ready", viewer });
  }, []);
  const expect = useCallback(() => {
    supplied.current = true;
    return ++latest.current;
  }, []);
  const value = useMemo<ViewerContext>(() => ({ ...state, refresh, supply, expect }), [state, refresh, supply, expect]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
