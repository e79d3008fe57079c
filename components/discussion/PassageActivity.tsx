"use client";

import { useEffect, useState } from "react";
import type { DiscussionActivity } from "@/lib/discussion/view";
import styles from "./Discussion.module.css";

// One request for the whole overview, shared by every passage's line.
let request: { slug: string; at: number; activity: Promise<DiscussionActivity> } | null = null;
function loadActivity(slug: string): Promise<DiscussionActivity> {
  if (!request || request.slug !== slug || Date.now() - request.at > 2000) {
    request = {
      slug,
      at: Date.now(),
      activity: fetch(`/api/discussion/activity?lesson=${encodeURIComponent(slug)}`, { cache: "no-store" })
        // The body is read either way: an unread response keeps its connection busy.
        .then(async (res) => {
          const body = (await res.json().catch(() => null)) as DiscussionActivity;
          return res.ok ? body : null;
        })
        .catch(() => null),
    };
  }
  return request.activity;
}

/** On the lesson overview: how many posts a passage's class discussion has, and how many are new since the reader last looked. */
export function PassageActivity({ slug, passageKey }: { slug: string; passageKey: string }) {
  const [tally, setTally] = useState<{ posts: number; newPosts: number } | null>(null);
  useEffect(() => {
    void loadActivity(slug).then((a) => setTally(a ? (a.passages[passageKey] ?? { posts: 0, newPosts: 0 }) : null));
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
