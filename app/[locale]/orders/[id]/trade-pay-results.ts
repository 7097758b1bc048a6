/** What the page says of each of Alipay's result codes (hints only: the notification and the query decide). */
export const TRADE_PAY_RESULTS = ["paid", "processing", "cancelled", "failed", "network", "other"] as const;
export type TradePayHint = (typeof TRADE_PAY_RESULTS)[number];

const BY_CODE: Readonly<Record<string, TradePayHint>> = {
  "9000": "paid",
  "8000": "processing",
  "6004": "processing",
  "6001": "cancelled",
  "4000": "failed",
  "6002": "network",
};

export function tradePayHint(resultCode: unknown): TradePayHint {
  return BY_CODE[String(resultCode)] ?? "other";
}
