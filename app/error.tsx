"use client";

import Link from "next/link";

/**
 * A page that failed to render (the database or QFPay unreachable for a moment). The error's message
 * never reaches the browser: only Next's digest, which the server log carries next to the real error.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page narrow" id="main">
      <h1>Something went wrong</h1>
      <p>
        This page could not be shown just now. Nothing you paid is lost: payments are recorded before anything else
        happens. Try again in a moment.
      </p>
      {error.digest && <p className="field-hint">Reference: {error.digest}</p>}
      <p className="page-links">
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/" className="button button-quiet">
          Back to the shop
        </Link>
      </p>
    </main>
  );
}
