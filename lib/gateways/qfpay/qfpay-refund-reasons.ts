import { describeStatus } from "../../qfpay/status-codes";
import type { RefundProblem } from "../../payments/refund-problem";

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

/** Refusals after which QFPay refuses every partial refund of the same payment: of its currency, or of it. */
const PARTIAL_REFUSED: Record<string, RefundProblem> = {
  "1270": { code: "noPartialRefunds", of: "currency" },
  "1271": { code: "noPartialRefunds", of: "payment" },
};

export function refundRefusalReason(code: string): string {
  return REFUND_REASONS[code] ?? describeStatus(code);
}

export function partialRefusal(code: string): RefundProblem | null {
  return PARTIAL_REFUSED[code] ?? null;
}
