import { defineRouting } from "next-intl/routing";

/**
 * The shop's languages: English at the root (existing links, bookmarks and tests keep working), Hong Kong
 * Traditional Chinese for AlipayHK's shoppers and mainland Simplified Chinese for Alipay's, under a prefix.
 */
export const routing = defineRouting({
  locales: ["en", "zh-HK", "zh-CN"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  // A chosen language outlives the browser session: a shopper who switched once is not switched back.
  localeCookie: { maxAge: 60 * 60 * 24 * 365 },
  // No Link header of alternates: the pages name them in their <head> (hreflang), and a header repeating the
  // path four times overflows Node's header limit on a long (bogus) path, a 5xx where a 404 is due.
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

/**
 * next-intl's `hasLocale` for code that also runs outside Next (scripts, benchmarks): next-intl's entry
 * brings its React provider along, which cannot load under plain Node's `react-server` condition.
 */
export function isLocale(value: string | null | undefined): value is Locale {
  return (routing.locales as readonly string[]).includes(value ?? "");
}
