/**
 * The currencies of seed 004's table, each with the largest `txamt` that 801101 refuses in it.
 *
 * 801101 needs "more than 1 HKD" (seed 004). In HKD that is more than 100 cents. In another currency
 * QFPay converts at a rate the sandbox cannot know, so it reads the rule strictly: an amount passes only
 * if it is worth more than HK$1 even after the currency lost half its value, i.e. worth about HK$2 at
 * rates of 2025 (noted per line). `txamt` is in the currency's minor unit (seed 001: "Unit in cents");
 * for JPY, which has none, that unit is the yen.
 */
export const CURRENCIES: Readonly<Record<string, { refusedUpTo: number }>> = {
  HKD: { refusedUpTo: 100 },
  USD: { refusedUpTo: 26 }, // US$1 ≈ HK$7.8
  EUR: { refusedUpTo: 24 }, // €1 ≈ HK$8.5
  CAD: { refusedUpTo: 36 }, // C$1 ≈ HK$5.6
  AUD: { refusedUpTo: 40 }, // A$1 ≈ HK$5.1
  SGD: { refusedUpTo: 35 }, // S$1 ≈ HK$5.8
  AED: { refusedUpTo: 96 }, // 1 dirham ≈ HK$2.1
  CNY: { refusedUpTo: 186 }, // ¥1 ≈ HK$1.08
  MYR: { refusedUpTo: 115 }, // RM1 ≈ HK$1.75
  THB: { refusedUpTo: 910 }, // ฿1 ≈ HK$0.22
  JPY: { refusedUpTo: 39 }, // ¥1 ≈ HK$0.052, no minor unit
  IDR: { refusedUpTo: 416_700 }, // Rp1 ≈ HK$0.00048
  MMK: { refusedUpTo: 111_100 }, // K1 ≈ HK$0.0018 at market rates, below the official one
};

export function isListedCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCIES, code);
}

/** Whether `txamt` minor units of `currency` are surely worth more than 1 HKD. */
export function worthMoreThanOneHkd(txamt: number, currency: string): boolean {
  return isListedCurrency(currency) && txamt > CURRENCIES[currency]!.refusedUpTo;
}
