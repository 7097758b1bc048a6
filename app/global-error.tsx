"use client";

import { useSyncExternalStore } from "react";
import type { Locale } from "@/i18n/routing";
import { browserLocale } from "./global-error-locale";
import { GLOBAL_ERROR_WORDS } from "./global-error-words";
import "./globals.css";

const HOME: Record<Locale, string> = { en: "/", "zh-HK": "/zh-HK", "zh-CN": "/zh-CN" };

const noSubscription = () => () => {};

/**
 * When the root layout itself fails: its own html and body, no header, no server data, no next-intl. The
 * server draws it in English; the browser then speaks the page's language (path, cookie, browser).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => "en" as const);
  const words = GLOBAL_ERROR_WORDS[locale];
  const say = (key: keyof typeof words) => words[key];
  return (
    <html lang={locale}>
      <body>
        <main className="page narrow" id="main">
          <h1>{say("title")}</h1>
          <p>{say("body")}</p>
          {error.digest && <p className="field-hint">{say("reference").replace("{digest}", error.digest)}</p>}
          <p className="page-links">
            <button type="button" className="button button-primary" onClick={reset}>
              {say("tryAgain")}
            </button>{" "}
            {/* A plain link: the app's router may be what failed. */}
            <a href={HOME[locale]} className="button button-quiet">
              {say("backToShop")}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
