import { applyRefundTotals } from "./refund-totals";
import type { Tx } from "./store/transaction";
import { moveRefund } from "./store/transitions";
import type { Refund } from "./types";

/** A refund QFPay confirmed (by its answer, a notification or a query): counted once towards the order. */
export async function markRefundSucceeded(tx: Tx, refund: Refund, syssn: string | null, cause: string): Promise<void> {
  const moved = await moveRefund(tx, refund, "succeeded", cause, {
    set: { syssn: refund.syssn ?? syssn },
    detail: { syssn },
  });
  if (moved === null) return;
  await applyRefundTotals(tx, refund.orderId, cause);
}

export async function markRefundFailed(
  tx: Tx,
  refund: Refund,
  code: string,
  reason: string,
  cause: string,
): Promise<void> {
  await moveRefund(tx, refund, "failed", cause, {
    set: { failureCode: code, failureReason: reason },
    detail: { code, reason },
  });
}
