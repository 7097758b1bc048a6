/**
 * The stand-in's reading of seed 003's `amount`: a string, in HKD (the only currency, two decimals), read
 * as a decimal of dollars, as the seed's example ("1" HKD) reads. Positive, at most two decimals.
 */
export function readHkdAmount(amount: unknown): number | null {
  if (typeof amount !== "string" || !/^\d{1,12}(\.\d{1,2})?$/.test(amount)) return null;
  const [whole, cents = ""] = amount.split(".");
  const minor = Number(whole) * 100 + Number(cents.padEnd(2, "0"));
  return minor > 0 ? minor : null;
}
