import { describeStatus } from "../../qfpay/status-codes";

/** The codes a shopper is told a reason of its own (the pages translate each: messages/*.json "reasons"). */
export const REASONS: Readonly<Record<string, string>> = {
  "1205": "The payment was declined in the wallet.",
  "1201": "The wallet balance was not enough for this payment.",
  "1181": "The payment time ran out.",
  "1142": "The payment was closed before it was paid.",
  "1263": "The payment was cancelled.",
  "1264": "The payment was closed before it was paid.",
  "1100": "QFPay is under maintenance. Please try again in a few minutes.",
  "1297": "The bank's systems are busy. Please try again or use the other wallet.",
  "1296": "The connection to the wallet was too slow. Please try again or use the other wallet.",
  "1294": "The bank stopped this payment.",
  not_found: "We could not reach QFPay to start this payment. Nothing was charged.",
  expired_by_shop: "The payment time ran out.",
};

// Codes that mean the shop's own setup is wrong: the shopper can only try the other wallet.
export const SHOP_SIDE: ReadonlySet<string> = new Set([
  "1103",
  "1104",
  "1105",
  "1106",
  "1107",
  "1108",
  "1203",
  "1241",
  "1242",
  "1243",
  "1250",
  "1251",
  "invalid",
]);

/** Why a payment did not go through, in words for the shopper (QFPay's own words as a last resort). */
export function shopperReason(code: string | null, fallback: string | null): string {
  if (code && REASONS[code]) return REASONS[code];
  if (code && SHOP_SIDE.has(code))
    return "The shop could not start this payment. Please try the other wallet, or contact us.";
  return fallback ?? (code ? describeStatus(code) : "The payment did not go through.");
}
