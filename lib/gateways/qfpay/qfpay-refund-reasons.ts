import { describeStatus } from "../../qfpay/status-codes";

/** Plain words for QFPay's refund refusals, for the merchant who asked. */
const REFUND_REASONS: Record<string, string> = {
  "1265": "QFPay does not process refunds between 23:30 and 00:30 (Hong Kong time). Try again after 00:30.",
  "1269": "Today's takings at QFPay are not enough to cover this refund. Try again tomorrow.",
  "1270": "This currency does not allow partial refunds: refund the full amount.",
  "1271": "This payment does not allow partial refunds: refund the full amount.",
  "1272": "That is more than what can still be refunded.",
  "1125": "This payment has been refunded in full already.",
  "1261": "QFPay has no record of this payment being paid.",
  "1155": "QFPay refused the refund.",
};

/** Refusals after which QFPay refuses every partial refund of the same payment. */
const PARTIAL_REFUSED: ReadonlySet<string> = new Set(["1270", "1271"]);

export function refundRefusalReason(code: string): string {
  return REFUND_REASONS[code] ?? describeStatus(code);
}

export const BLACKOUT_REASON = REFUND_REASONS["1265"]!;

export function partialRefusal(code: string): string | null {
  return PARTIAL_REFUSED.has(code) ? REFUND_REASONS[code]! : null;
}
