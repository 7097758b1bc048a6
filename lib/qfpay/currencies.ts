/**
 * The currencies QFPay lists (seed 004), with ISO 4217 minor units. QFPay writes every amount in the
 * currency's minor unit ("cents"); for JPY that unit is the yen itself.
 */
export const CURRENCIES = {
  AED: { name: "Arab Emirates Dirham", minorUnits: 2 },
  CNY: { name: "Chinese Yuan", minorUnits: 2 },
  EUR: { name: "Euro", minorUnits: 2 },
  HKD: { name: "Hong Kong Dollar", minorUnits: 2 },
  IDR: { name: "Indonesian Rupiah", minorUnits: 2 },
  JPY: { name: "Japanese Yen", minorUnits: 0 },
  MMK: { name: "Myanmar Kyat", minorUnits: 2 },
  MYR: { name: "Malaysian Ringgit", minorUnits: 2 },
  SGD: { name: "Singapore Dollar", minorUnits: 2 },
  THB: { name: "Thai Baht", minorUnits: 2 },
  USD: { name: "United States Dollar", minorUnits: 2 },
  CAD: { name: "Canadian Dollar", minorUnits: 2 },
  AUD: { name: "Australian Dollar", minorUnits: 2 },
} as const satisfies Record<string, { name: string; minorUnits: number }>;

export type CurrencyCode = keyof typeof CURRENCIES;

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCIES, value);
}
