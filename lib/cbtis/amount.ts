/**
 * CBTIS's `amount` is a string in the currency's major unit ("19.99" is HK$19.99), not QFPay's minor
 * units: the seed types it `string(32)` (QFPay's `txamt` is an integer), its example charges "1" HKD
 * (one cent would be below any wallet's minimum), and the API it copies (Airwallex's payment intents)
 * takes decimal major units. docs/cbtis.md records the decision as one to confirm with CBTIS.
 * Both directions live here and nowhere else.
 */

/** Decimal places of the currencies CBTIS settles (the seed: HKD only). */
const DECIMALS: Record<string, number> = { HKD: 2 };

export function decimalsOf(currency: string): number | null {
  return Object.hasOwn(DECIMALS, currency) ? DECIMALS[currency]! : null;
}

/** Minor units as CBTIS's amount: 1999 HKD → "19.99"; null for a currency CBTIS does not take. */
export function toCbtisAmount(minor: number, currency: string): string | null {
  const digits = decimalsOf(currency);
  if (digits === null || !Number.isSafeInteger(minor) || minor < 0) return null;
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * CBTIS's amount as minor units: "19.99", "19.9" and "19" in HKD → 1999, 1990, 1900; null when it is not
 * a plain non-negative decimal with at most the currency's decimals (a number, as JSON may carry it, is
 * read from its shortest text).
 */
export function fromCbtisAmount(amount: string | number, currency: string): number | null {
  const digits = decimalsOf(currency);
  if (digits === null) return null;
  const text = typeof amount === "number" ? String(amount) : amount.trim();
  const pattern = digits === 0 ? /^\d{1,12}$/ : new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(text)) return null;
  const [whole, fraction = ""] = text.split(".");
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}
