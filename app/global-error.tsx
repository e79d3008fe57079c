"use client";

import "./globals.css";

/** When the root layout itself fails: the same message as app/error.tsx, in a page of its own. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="page-narrow">
          <h1>Something went wrong</h1>
          <p>Marginalia could not be shown because of a problem on our side. Your saved work is safe.</p>
          {error.digest ? (
            <p>
              If it keeps happening, tell your instructor or the site’s administrator this reference: <strong aria-label="Error reference">{error.digest}</strong>
            </p>
          ) : null}
          <p>
            <button type="button" onClick={reset}>
              Try again
            </button>{" "}
            <a href="/lessons">Go to the lessons</a>
          </p>
        </main>
      </body>
    </html>
  );
}
