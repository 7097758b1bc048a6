import { negotiateLocale } from "@/i18n/negotiate";
import type { Locale } from "@/i18n/routing";

const PREFIXED = /^\/(zh-HK|zh-CN)(?:\/|$)/;

/**
 * The language of a page that failed so badly that no layout (and no next-intl) is left, read in the
 * browser: the path's prefix (/zh-HK, /zh-CN), else the shopper's remembered choice (NEXT_LOCALE), else
 * the browser's languages, as the proxy would have negotiated them.
 */
export function browserLocale(): Locale {
  const prefixed = PREFIXED.exec(window.location.pathname)?.[1] as Locale | undefined;
  if (prefixed) return prefixed;
  const cookie = document.cookie
    .split("; ")
    .find((part) => part.startsWith("NEXT_LOCALE="))
    ?.slice("NEXT_LOCALE=".length);
  return negotiateLocale(cookie, navigator.languages.join(","));
}
