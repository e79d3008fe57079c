"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import styles from "./AccountMenu.module.css";

/**
 * The header's account links. A client component, so that pages stay prerendered: the session
 * is fetched by the browser, not read while rendering.
 */
export function AccountMenu() {
  const { data, status } = useSession();
  const router = useRouter();
  if (status === "loading") return <li className={styles.placeholder} aria-hidden="true" />;
  if (!data?.user) {
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
  const unread = (data as { unreadFeedback?: number }).unreadFeedback ?? 0;
  const role = (data as { role?: string }).role;
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
        <Link href="/account" aria-label={`Account: ${data.user.name ?? data.user.email}`}>
          {data.user.name ?? "Account"}
        </Link>
      </li>
      <li>
        <button
          type="button"
          className={styles.signOut}
          onClick={async () => {
            await signOut({ redirect: false });
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
