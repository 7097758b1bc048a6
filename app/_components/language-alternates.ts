import type { Metadata } from "next";
import { localizedPath } from "@/i18n/localized-path";
import { routing, type Locale } from "@/i18n/routing";

/**
 * A page's canonical address in its language and its hreflang alternates in the others, `x-default` the
 * English root a browser asking for any other language is offered. Relative: the layout's metadataBase
 * (the running shop's origin) makes them absolute.
 */
export function languageAlternates(locale: Locale, href: string): NonNullable<Metadata["alternates"]> {
  const languages: Record<string, string> = {};
  for (const other of routing.locales) languages[other] = localizedPath(href, other);
  languages["x-default"] = localizedPath(href, routing.defaultLocale);
  return { canonical: localizedPath(href, locale), languages };
}
