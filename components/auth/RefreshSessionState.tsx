"use client";

import { useEffect } from "react";
import { useSession } from "next-auth/react";

/** Fetches the session again, so the header's counts (unread feedback) match what was just read. */
export function RefreshSessionState() {
  const { update } = useSession();
  useEffect(() => {
    void update();
    // Once, on arrival: update changes identity with every session change.
  }, []);
  return null;
}
