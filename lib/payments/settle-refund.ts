import { eq } from "drizzle-orm";
import { refunds } from "../db/schema/payments";
import { applyRefundTotals } from "./settle-attempt";
import { moveRefund, ROW_LOCK, type Tx } from "./transitions";

export type Refund = typeof refunds.$inferSelect;

/** A refund QFPay confirmed (by its answer, a notification or a query): counted once towards the order. */
export async function markRefundSucceeded(tx: Tx, refund: Refund, syssn: string | null, cause: string): Promise<void> {
  const moved = await moveRefund(tx, refund, "succeeded", cause, { set: { syssn: refund.syssn ?? syssn }, detail: { syssn } });
  if (moved === null) return;
  await applyRefundTotals(tx, refund.orderId, cause);
}

export async function markRefundFailed(tx: Tx, refund: Refund, code: string, reason: string, cause: string): Promise<void> {
  await moveRefund(tx, refund, "failed", cause, { set: { failureCode: code, failureReason: reason }, detail: { code, reason } });
}

export async function findRefundByOutTradeNo(tx: Tx, outTradeNo: string): Promise<Refund | undefined> {
  const [refund] = await tx.select().from(refunds).where(eq(refunds.outTradeNo, outTradeNo)).for(ROW_LOCK);
  return refund;
}
