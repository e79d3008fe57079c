"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useViewer } from "./Viewer";
import styles from "./AccountMenu.module.css";

/**
 * The header's account links. A client component, so that pages stay prerendered: the session
 * is fetched by the browser, not read while rendering.
 */
export function AccountMenu() {
  const { viewer, status, supply } = useViewer();
  const router = useRouter();
  if (status === "loading") return <li className={styles.placeholder} aria-hidden="true" />;
  if (!viewer) {
    return (
      <>
        <li>
          <Link href="/signin">Sign in</Link>
        </li>
        <li>
          <Link href="/signup">Sign up</Link>
        </li>
      </>
    );
  }
  const unread = viewer.unreadFeedback;
  const role = viewer.role;
  return (
    <>
      <li>
        <Link href="/classes">Classes</Link>
      </li>
      {role === "student" && (
        <li>
          <Link href="/feedback" prefetch={false} aria-label={unread > 0 ? `Feedback, ${unread} new` : "Feedback"}>
            Feedback{unread > 0 && <span className={styles.badge}>{unread}</span>}
          </Link>
        </li>
      )}
      <li>
        <Link href="/account" aria-label={`Account: ${viewer.name || viewer.email}`}>
          {viewer.name || "Account"}
        </Link>
      </li>
      <li>
        <button
          type="button"
          className={styles.signOut}
          onClick={async () => {
            await signOut({ redirect: false });
            supply(null);
            router.push("/");
            router.refresh();
          }}
        >
          Sign out
        </button>
      </li>
    </>
  );
}
