"use client";

import { useState } from "react";

/** A link the shopper can copy into another browser. */
export function CopyLink({
  url,
  label,
  copyText,
  copiedText,
}: {
  url: string;
  label: string;
  /** The button's and the confirmation's words, in the page's language. */
  copyText: string;
  copiedText: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-link">
      <label>
        {label}
        <input type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <button
        type="button"
        className="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copyText}
      </button>
      <span role="status" aria-live="polite" className="form-status">
        {copied ? copiedText : ""}
      </span>
    </div>
  );
}
