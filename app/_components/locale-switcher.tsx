"use client";

import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

// Each language named in itself: a shopper who cannot read the current one still finds theirs.
const NAMES = { en: "English", "zh-HK": "繁體中文", "zh-CN": "简体中文" } as const;

/**
 * The same page in the other languages. next-intl's Link stores the choice in the NEXT_LOCALE cookie, so
 * the next visit to the root opens in it; the query is kept (an order's signed link carries its token there).
 */
export function LocaleSwitcher() {
  const t = useTranslations("header");
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams());
  return (
    <nav aria-label={t("language")} className="locale-switcher">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="locale-link"
            >
              {NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
