import { CURRENCIES, type CurrencyCode } from "./qfpay/currencies";

// One fixed locale on server and browser alike, so the same amount never renders two ways.
const LOCALE = "en-HK";
const formatters = new Map<string, Intl.NumberFormat>();

/** Formats an amount held in minor units (integer) as money, e.g. 1999 HKD → "HK$19.99". */
export function formatMoney(minor: number, currency: CurrencyCode): string {
  const digits = CURRENCIES[currency].minorUnits;
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(currency, formatter);
  }
  return formatter.format(minor / 10 ** digits);
}
