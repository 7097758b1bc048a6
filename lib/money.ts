import { CURRENCIES, type CurrencyCode } from "./qfpay/currencies";

// The page's language decides the format, never the server's or the browser's own locale, so the same amount
// renders alike on both sides. English is Hong Kong English: HK$ for the shop's own currency.
const INTL_LOCALE: Record<string, string> = { en: "en-HK", "zh-HK": "zh-HK", "zh-CN": "zh-CN" };
const formatters = new Map<string, Intl.NumberFormat>();

/** Formats an amount held in minor units (integer) as money, e.g. 1999 HKD → "HK$19.99" (in every locale). */
export function formatMoney(minor: number, currency: CurrencyCode, locale = "en"): string {
  const digits = CURRENCIES[currency].minorUnits;
  const key = `${locale} ${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALE[locale] ?? INTL_LOCALE.en, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(minor / 10 ** digits);
}

/**
 * Reads an amount a person typed ("28", "28.5", "1,280.00") as an integer of minor units; null when it
 * is not a plain positive amount with at most the currency's decimals.
 */
export function parseMoneyInput(text: string, currency: CurrencyCode): number | null {
  const digits = CURRENCIES[currency].minorUnits;
  const cleaned = text.trim().replaceAll(",", "");
  const pattern = digits === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}
