import { CURRENCIES, type CurrencyCode } from "./qfpay/currencies";

// One fixed locale on server and browser alike, so the same amount never renders two ways.
const LOCALE = "en-HK";
const formatters = new Map<string, Intl.NumberFormat>();

/** Formats an amount held in minor units (integer) as money, e.g. 1999 HKD → "HK$19.99". */
export function formatMoney(minor: number, currency: CurrencyCode): string {
  const digits = CURRENCIES[currency].minorUnits;
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(currency, formatter);
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
