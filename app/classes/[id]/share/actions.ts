"use server";

import { redirect } from "next/navigation";
import { shareSnapshot } from "@/db/access/class-snapshots";
import { formAction } from "@/lib/server-action";
import { snapshotFormSchema } from "@/lib/validation/discussion";

/** Shares the chosen answers as a class snapshot, then shows it in the passage's discussion. */
export const shareSnapshotAction = formAction(
  snapshotFormSchema,
  async (actor, input) => {
    const { lessonSlug, passageKey, threadId } = await shareSnapshot(actor, input);
    redirect(
      `/lessons/${lessonSlug}/${passageKey}?${new URLSearchParams({ class: input.classId })}#thread-${threadId}`,
    );
  },
  { lists: ["answerIds"], checkboxes: ["showNames"] },
);
