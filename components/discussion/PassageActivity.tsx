"use client";

import { useEffect, useState } from "react";
import type { DiscussionActivity } from "@/lib/discussion/view";
import { sharedJson } from "@/components/ui/shared-request";
import styles from "./Discussion.module.css";

/** On the lesson overview: how many posts a passage's class discussion has, and how many are new since the reader last looked. */
export function PassageActivity({ slug, passageKey }: { slug: string; passageKey: string }) {
  const [tally, setTally] = useState<{ posts: number; newPosts: number } | null>(null);
  useEffect(() => {
    // One request for the whole overview, shared by every passage's line.
    void sharedJson<DiscussionActivity | { signedIn: false }>(
      `/api/discussion/activity?lesson=${encodeURIComponent(slug)}`,
    ).then((a) => setTally(a && !("signedIn" in a) ? (a.passages[passageKey] ?? { posts: 0, newPosts: 0 }) : null));
  }, [slug, passageKey]);
  if (!tally) return null;
  return (
    <span className={styles.activity}>
      {" · "}
      {tally.posts === 0 ? "no posts yet" : `${tally.posts} ${tally.posts === 1 ? "post" : "posts"}`}
      {tally.newPosts > 0 && <strong className={styles.newBadge}>{tally.newPosts} new</strong>}
    </span>
  );
}
