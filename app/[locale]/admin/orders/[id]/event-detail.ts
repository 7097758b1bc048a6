/** Keys of an event's detail that hold an amount in minor units (refundedTotal, captured, total, amount...). */
const MONEY_KEY = /^(amount|total|refundedTotal|captured|paid|refundable)$/;

/**
 * An event's detail as the admin reads it: amounts as money in the order's currency (the stored detail
 * keeps minor units), the rest as it was recorded.
 */
export function readableDetail(detail: Record<string, unknown>, money: (minor: number) => string): string {
  const shown = Object.fromEntries(
    Object.entries(detail).map(([key, value]) => [
      key,
      MONEY_KEY.test(key) && Number.isSafeInteger(value) ? money(value as number) : value,
    ]),
  );
  return JSON.stringify(shown);
}
