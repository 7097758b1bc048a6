import type { PaymentsContext } from "./context";
import type { RefundTruth } from "./gateway";
import type { QueryResult } from "./query-attempt";
import { markRefundFailed, markRefundSucceeded } from "./settle-refund";
import { readAttempt } from "./store/attempts";
import { claimRefundQuery, correctRefundAmount, lockRefundByOutTradeNo } from "./store/refunds";
import { transaction, type Tx } from "./store/transaction";
import { flagForReviewOnce } from "./store/transitions";
import type { Refund } from "./types";

/**
 * Asks QFPay what became of a refund (its answer lost, or a notification to confirm) and applies it,
 * spaced like attempts unless `unspaced` (a notification is confirmed at once). QFPay's row must be a
 * refund, of this payment, for the amount recorded: a refund started outside the shop takes the amount
 * QFPay holds; one the shop asked for that QFPay holds for another amount waits for the merchant.
 */
export async function queryRefund(
  ctx: PaymentsContext,
  refund: Pick<Refund, "id" | "outTradeNo" | "txdtm" | "createdAt">,
  cause: string,
  options: { unspaced?: boolean } = {},
): Promise<QueryResult> {
  if (!(await claimRefundQuery(ctx.db, refund.id, ctx.now(), options.unspaced ? null : ctx.querySpacingMs)))
    return "too_soon";

  const truth = await ctx.gateway.lookUpRefund({ outTradeNo: refund.outTradeNo, requestTime: refund.txdtm });
  if (truth.kind === "unknown") return "gateway_unavailable";
  await transaction(ctx.db, async (tx) => {
    const current = await lockRefundByOutTradeNo(tx, refund.outTradeNo);
    if (!current) return;
    if (truth.kind === "absent") {
      if (ctx.now().getTime() - refund.createdAt.getTime() >= ctx.notFoundGraceMs) {
        await markRefundFailed(tx, current, "not_found", "The refund never reached QFPay.", `query:${cause}`);
      }
      return;
    }
    if (truth.state === "succeeded") {
      const held = await heldAs(tx, current, truth, `query:${cause}`);
      if (held) await markRefundSucceeded(tx, held, truth.syssn, `query:${cause}`);
    } else if (truth.state === "failed") {
      await markRefundFailed(tx, current, truth.code, truth.reason, `query:${cause}`);
    }
  });
  return "settled";
}

/** The refund as QFPay holds it, or undefined (the order flagged) when QFPay's row cannot be this refund. */
async function heldAs(
  tx: Tx,
  refund: Refund,
  found: Extract<RefundTruth, { kind: "found" }>,
  cause: string,
): Promise<Refund | undefined> {
  const payment = await readAttempt(tx, refund.attemptId);
  if (found.paymentSyssn && payment?.syssn && found.paymentSyssn !== payment.syssn) {
    await flagForReviewOnce(
      tx,
      refund.orderId,
      `QFPay's query shows refund ${refund.outTradeNo} of payment ${found.paymentSyssn}, not of ${payment.syssn}.`,
      cause,
      { refundId: refund.id },
    );
    return undefined;
  }
  if (found.amount === undefined || found.amount === refund.amount) return refund;
  if (refund.requestKey !== null) {
    await flagForReviewOnce(
      tx,
      refund.orderId,
      `The shop asked for refund ${refund.outTradeNo} of ${refund.amount}, but QFPay's query shows ${found.amount}.`,
      cause,
      { refundId: refund.id },
    );
    return undefined;
  }
  // Started outside the shop: its amount was only what a message said; QFPay's is the one that holds.
  await flagForReviewOnce(
    tx,
    refund.orderId,
    `A notification said refund ${refund.outTradeNo} was ${refund.amount}, but QFPay's query shows ${found.amount}.`,
    cause,
    { refundId: refund.id },
  );
  return correctRefundAmount(tx, refund.id, found.amount);
}
