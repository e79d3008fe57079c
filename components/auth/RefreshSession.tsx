"use client";

import { useEffect } from "react";
import { signOut } from "next-auth/react";
import { useViewer } from "./Viewer";

/**
 * Arriving here after "sign out everywhere": the server has ended the session; this tells the
 * browser's session state too, so the header stops showing the old account.
 */
export function RefreshSession() {
  const { supply } = useViewer();
  useEffect(() => {
    void signOut({ redirect: false }).then(() => supply(null));
    // Once, on arrival.
  }, []);
  return null;
}
