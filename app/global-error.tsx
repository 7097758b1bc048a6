"use client";

import "./globals.css";

/** When the root layout itself fails: its own html and body, no header, no server data. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="page narrow" id="main">
          <h1>Something went wrong</h1>
          <p>The shop could not be shown just now. Try again in a moment.</p>
          {error.digest && <p className="field-hint">Reference: {error.digest}</p>}
          <p className="page-links">
            <button type="button" className="button button-primary" onClick={reset}>
              Try again
            </button>{" "}
            {/* A plain link: the app's router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="button button-quiet">
              Back to the shop
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
