"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useViewer } from "./Viewer";
import styles from "./AccountMenu.module.css";

/**
 * The header's account links. A client component, so that pages stay prerendered: the session
 * is fetched by the browser, not read while rendering. No link is prefetched: they are on every
 * page, and /classes and /account are rendered per user, so each prefetch would cost every view.
 */
export function AccountMenu() {
  const { viewer, status, supply } = useViewer();
  const router = useRouter();
  if (status === "loading") return <li className={styles.placeholder} aria-hidden="true" />;
  if (!viewer) {
    return (
      <>
        <li>
          <Link href="/signin" prefetch={false}>
            Sign in
          </Link>
        </li>
        <li>
          <Link href="/signup" prefetch={false}>
            Sign up
          </Link>
        </li>
      </>
    );
  }
  const unread = viewer.unreadFeedback;
  const role = viewer.role;
  return (
    <>
      <li>
        <Link href="/classes" prefetch={false}>
          Classes
        </Link>
      </li>
      {role === "student" && (
        <li>
          <Link href="/feedback" prefetch={false} aria-label={unread > 0 ? `Feedback, ${unread} new` : "Feedback"}>
            Feedback{unread > 0 && <span className={styles.badge}>{unread}</span>}
          </Link>
        </li>
      )}
      <li>
        <Link href="/account" prefetch={false} aria-label={`Account: ${viewer.name || viewer.email}`}>
          {viewer.name || "Account"}
        </Link>
      </li>
      <li>
        <button
          type="button"
          className={styles.signOut}
          onClick={async () => {
            // next-auth's browser client is loaded on this press, not with every page (about 12 KB gzip).
            const { signOut } = await import("next-auth/react");
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
