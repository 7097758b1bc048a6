"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { pathWithoutLocale, prefixedPath } from "@/i18n/localized-path";
import { routing } from "@/i18n/routing";

// Each language named in itself: a shopper who cannot read the current one still finds theirs.
const NAMES = { en: "English", "zh-HK": "繁體中文", "zh-CN": "简体中文" } as const;

/**
 * The same page in the other languages, the query kept (an order's signed link carries its token there).
 * Plain links, never prefetched: following one stores the choice in the NEXT_LOCALE cookie (prefixedPath),
 * so the next visit to the root opens in it, and a prefetch would make the choice for the shopper.
 */
export function LocaleSwitcher() {
  const t = useTranslations("header");
  const current = useLocale();
  const path = pathWithoutLocale(usePathname());
  const query = useSearchParams().toString();
  return (
    <nav aria-label={t("language")} className="locale-switcher">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <a
              href={`${prefixedPath(path, locale)}${query ? `?${query}` : ""}`}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="locale-link"
            >
              {NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
