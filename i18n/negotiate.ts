import { hasLocale } from "next-intl";
import { routing, type Locale } from "./routing";

/**
 * The locale of a page that sits outside the locale prefixes (the sandbox's cashier, whose address the
 * gateway makes): the shopper's remembered choice (next-intl's NEXT_LOCALE cookie), else their browser's
 * first language the shop speaks, as the proxy negotiates a first visit: Traditional Chinese for Hong Kong,
 * Taiwan and Macau or an explicit Hant, Simplified for any other Chinese.
 */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (hasLocale(routing.locales, cookie)) return cookie;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter(({ tag, q }) => tag !== "" && q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (tag === "en" || tag.startsWith("en-")) return "en";
    if (/^zh-(hk|tw|mo|hant)\b/.test(tag)) return "zh-HK";
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  }
  return routing.defaultLocale;
}
