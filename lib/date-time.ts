// The page's language decides the format; the zone is always Hong Kong's, where the shop and its orders are,
// whatever the server's or the browser's own (so server and browser render the same text).
const INTL_LOCALE: Record<string, string> = { en: "en-HK", "zh-HK": "zh-HK", "zh-CN": "zh-CN" };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as a date and a time in Hong Kong, e.g. "2 Dec 2026, 7:29 pm" or "2026年12月2日 下午7:29";
 * with `seconds`, to the second (the admin's story, where events a moment apart must read in order).
 */
export function formatDateTime(date: Date, locale = "en", { seconds = false } = {}): string {
  const key = `${locale} ${seconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? INTL_LOCALE.en, {
      dateStyle: "medium",
      timeStyle: seconds ? "medium" : "short",
      timeZone: "Asia/Hong_Kong",
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
