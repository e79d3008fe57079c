"use client";

import { ViewerProvider } from "./Viewer";

/**
 * The browser's view of the session, for the header and account forms. Pages never read the
 * session while rendering unless they must, so lesson pages stay prerendered.
 */
export function SessionProviders({ children }: { children: React.ReactNode }) {
  return <ViewerProvider>{children}</ViewerProvider>;
}
