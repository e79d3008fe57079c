"use client";

import { useEffect } from "react";
import { useSession } from "next-auth/react";

/**
 * Marks the student's feedback read once the page has been shown (never while rendering, which
 * a prefetch could do), then fetches the session again so the header's unread count follows.
 */
export function MarkFeedbackRead({ feedbackIds }: { feedbackIds: string[] }) {
  const { update } = useSession();
  useEffect(() => {
    void fetch("/api/feedback/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ feedbackIds }) }).then(() => update());
    // Once, on arrival: update changes identity with every session change.
  }, []);
  return null;
}
