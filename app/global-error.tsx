"use client";

import { useEffect, useRef } from "react";
import "./globals.css";

/** When the root layout itself fails: the same message as app/error.tsx, in a page of its own. */
export default function GlobalError({
  error,
  retry,
}: {
  error: (Error & { digest?: string }) | null;
  retry: () => void;
}) {
  const reference = typeof error?.digest === "string" ? error.digest : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <html lang="en">
      <body>
        <main className="page-narrow">
          <h1 ref={heading} tabIndex={-1}>
            Something went wrong
          </h1>
          <p>Marginalia could not be shown because of a problem on our side. Your saved work is safe.</p>
          {reference ? (
            <p>
              If it keeps happening, tell your instructor or the site’s administrator this reference:{" "}
              <output aria-label="Error reference">
                <strong>{reference}</strong>
              </output>
            </p>
          ) : null}
          <p>
            <button type="button" onClick={retry}>
              Try again
            </button>{" "}
            <a href="/lessons">Go to the lessons</a>
          </p>
        </main>
      </body>
    </html>
  );
}
