import { describeStatus, transactionStateOf } from "../qfpay/status-codes";
import type { PaymentsContext } from "./context";
import { queryWindowsFor } from "../qfpay/query-window";
import type { QueryItem } from "../qfpay/responses";
import type { QueryResult } from "./query-attempt";
import { markRefundFailed, markRefundSucceeded } from "./settle-refund";
import { shopperReason } from "./shopper-reason";
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

  // Its month, and the neighbouring one near a month's boundary (QFPay filters on its own sysdtm).
  let item: QueryItem | undefined;
  for (const window of queryWindowsFor(refund.txdtm)) {
    const outcome = await ctx.qfpay.query({ out_trade_no: refund.outTradeNo, ...window });
    if (outcome.kind !== "accepted") return "gateway_unavailable";
    // Only a refund row: a payment's own number is no refund, whatever a message calls it.
    item ??= outcome.value.data.find((row) => row.out_trade_no === refund.outTradeNo && row.order_type === "refund");
  }
  await transaction(ctx.db, async (tx) => {
    const current = await lockRefundByOutTradeNo(tx, refund.outTradeNo);
    if (!current) return;
    if (!item) {
      if (ctx.now().getTime() - refund.createdAt.getTime() >= ctx.notFoundGraceMs) {
        await markRefundFailed(tx, current, "not_found", "The refund never reached QFPay.", `query:${cause}`);
      }
      return;
    }
    const state = transactionStateOf(item.respcd);
    if (state === "paid") {
      const held = await heldAs(tx, current, item, `query:${cause}`);
      if (held) await markRefundSucceeded(tx, held, item.syssn, `query:${cause}`);
    } else if (state !== "pending") {
      await markRefundFailed(
        tx,
        current,
        item.respcd,
        shopperReason(item.respcd, item.errmsg || describeStatus(item.respcd)),
        `query:${cause}`,
      );
    }
  });
  return "settled";
}

/** The refund as QFPay holds it, or undefined (the order flagged) when QFPay's row cannot be this refund. */
async function heldAs(tx: Tx, refund: Refund, item: QueryItem, cause: string): Promise<Refund | undefined> {
  const payment = await readAttempt(tx, refund.attemptId);
  if (item.origssn && payment?.syssn && item.origssn !== payment.syssn) {
    await flagForReviewOnce(
      tx,
      refund.orderId,
      `QFPay's query shows refund ${refund.outTradeNo} of payment ${item.origssn}, not of ${payment.syssn}.`,
      cause,
      { refundId: refund.id },
    );
    return undefined;
  }
  if (item.txamt === undefined || item.txamt === refund.amount) return refund;
  if (refund.requestKey !== null) {
    await flagForReviewOnce(
      tx,
      refund.orderId,
      `The shop asked for refund ${refund.outTradeNo} of ${refund.amount}, but QFPay's query shows ${item.txamt}.`,
      cause,
      { refundId: refund.id },
    );
    return undefined;
  }
  // Started outside the shop: its amount was only what a message said; QFPay's is the one that holds.
  await flagForReviewOnce(
    tx,
    refund.orderId,
    `A notification said refund ${refund.outTradeNo} was ${refund.amount}, but QFPay's query shows ${item.txamt}.`,
    cause,
    { refundId: refund.id },
  );
  return correctRefundAmount(tx, refund.id, item.txamt);
}
