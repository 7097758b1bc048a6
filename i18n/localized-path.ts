import { routing, type Locale } from "./routing";

/**
 * The address of a shop path (starting with /) in `locale`: English at the root, the others under their
 * prefix (routing's `as-needed`). The one rule for links, redirects and hreflang alike; pure, so a client
 * component uses it without next-intl's navigation code in the browser.
 */
export function localizedPath(path: string, locale: Locale): string {
  return locale === routing.defaultLocale ? path : prefixedPath(path, locale);
}

/**
 * The address that switches a shopper to `locale`: prefixed, English too. The proxy stores the language an
 * address names in the NEXT_LOCALE cookie, and answers /en/… with a redirect to the address at the root.
 */
export function prefixedPath(path: string, locale: Locale): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** The shop path a browser address shows, without the locale prefix it may carry. */
export function pathWithoutLocale(pathname: string): string {
  for (const locale of routing.locales) {
    if (pathname === `/${locale}`) return "/";
    if (pathname.startsWith(`/${locale}/`)) return pathname.slice(locale.length + 1);
  }
  return pathname;
}
