"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import styles from "@/components/ui/forms.module.css";

/**
 * When a page fails on the server (or breaks in the browser). The reference is the error's digest,
 * which the server logged beside the full error (instrumentation.ts); the browser never gets the
 * message or stack. "Try again" asks the server for the page again (retry), not only re-renders it.
 * Saved answers are in the database and drafts in this browser, so nothing typed is lost.
 */
export default function ErrorPage({
  error,
  retry,
}: {
  error: (Error & { digest?: string }) | null;
  retry: () => void;
}) {
  // (Anything can be thrown, not only an Error.)
  const reference = typeof error?.digest === "string" ? error.digest : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="page-narrow">
      <h1 ref={heading} tabIndex={-1}>
        Something went wrong
      </h1>
      <p>
        This page could not be shown because of a problem on our side. Your saved work is safe: answers already saved
        are kept, and anything you were typing is kept in this browser.
      </p>
      {reference ? (
        <p>
          If it keeps happening, tell your instructor or the site’s administrator this reference:{" "}
          <output aria-label="Error reference">
            <strong>{reference}</strong>
          </output>
        </p>
      ) : null}
      <p className="actions">
        <button type="button" className={styles.primary} onClick={retry}>
          Try again
        </button>
        <Link href="/lessons">Go to the lessons</Link>
      </p>
    </div>
  );
}
