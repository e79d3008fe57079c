"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";

/** Who is signed in, as the header shows them. */
export type Viewer = { name: string; email: string; role: "student" | "instructor"; unreadFeedback: number };
type ViewerState = { status: "loading" | "ready"; viewer: Viewer | null };
type ViewerContext = ViewerState & {
  /** Asks the server again (after signing in, renaming, reading feedback). */
  refresh: () => Promise<void>;
  /** A page that loads per-user data anyway hands the viewer over, sparing a request. */
  supply: (viewer: Viewer | null) => void;
  /** Called by such a page before it has its data, so the header does not fetch it too. */
  expect: () => void;
};

const Context = createContext<ViewerContext>({ status: "loading", viewer: null, refresh: async () => {}, supply: () => {}, expect: () => {} });

export function useViewer(): ViewerContext {
  return useContext(Context);
}

type SessionResponse = { user?: { name?: string | null; email?: string | null }; role?: Viewer["role"]; unreadFeedback?: number };

/**
 * The browser's view of the session for the header. Pages stay prerendered, so it comes from the
 * browser: from next-auth's session endpoint, or, on lesson pages, from the workspace request
 * the page makes anyway (one request per view instead of two).
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<ViewerState>({ status: "loading", viewer: null });
  const supplied = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch("/api/auth/session", { cache: "no-store" });
      // Always read the body: an unread response keeps the connection busy (and the page never "network idle").
      const body = (await res.json().catch(() => ({}))) as SessionResponse;
      const data = res.ok ? body : {};
      const viewer = data.user?.email && data.role ? { name: data.user.name ?? "", email: data.user.email, role: data.role, unreadFeedback: data.unreadFeedback ?? 0 } : null;
      setState({ status: "ready", viewer });
    } catch {
      setState((s) => ({ ...s, status: "ready" }));
    }
  }, []);

  // Children's effects run first: a lesson page's workspace has said by now whether it will supply the viewer.
  useEffect(() => {
    if (!supplied.current) void refresh();
  }, [refresh]);

  const supply = useCallback((viewer: Viewer | null) => {
    supplied.current = true;
    setState({ status: "ready", viewer });
  }, []);
  const expect = useCallback(() => {
    supplied.current = true;
  }, []);
  const value = useMemo<ViewerContext>(() => ({ ...state, refresh, supply, expect }), [state, refresh, supply, expect]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
