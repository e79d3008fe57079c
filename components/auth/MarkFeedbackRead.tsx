"use client";

import { useEffect } from "react";
import { sendJson } from "@/lib/http/send-json";
import { useViewer } from "./Viewer";

/**
 * Marks the student's feedback read once the page has been shown (never while rendering, which
 * a prefetch could do), then fetches the session again so the header's unread count follows.
 */
export function MarkFeedbackRead({ feedbackIds }: { feedbackIds: string[] }) {
  const { refresh } = useViewer();
  useEffect(() => {
    void sendJson("/api/feedback/read", { body: { feedbackIds } }).then(() => refresh());
    // Once, on arrival.
  }, []);
  return null;
}
