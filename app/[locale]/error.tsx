"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/link";

/**
 * A page that failed to render (the database or QFPay unreachable for a moment). The error's message
 * never reaches the browser: only Next's digest, which the server log carries next to the real error.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <main className="page narrow" id="main">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest && <p className="field-hint">{t("reference", { digest: error.digest })}</p>}
      <p className="page-links">
        <button type="button" className="button button-primary" onClick={reset}>
          {t("tryAgain")}
        </button>{" "}
        <Link href="/" className="button button-quiet">
          {t("backToShop")}
        </Link>
      </p>
    </main>
  );
}
