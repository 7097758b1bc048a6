import { and, eq, isNull, lt, or } from "drizzle-orm";
import { refunds } from "../db/schema/payments";
import { describeStatus, transactionStateOf } from "../qfpay/status-codes";
import type { PaymentsContext } from "./context";
import { queryWindowsFor } from "../qfpay/query-window";
import type { QueryItem } from "../qfpay/responses";
import type { QueryResult } from "./query-attempt";
import { findRefundByOutTradeNo, markRefundFailed, markRefundSucceeded, type Refund } from "./settle-refund";
import { shopperReason } from "./shopper-reason";

/** Asks QFPay what became of a refund whose answer was lost, and applies it (spaced like attempts). */
export async function queryRefund(ctx: PaymentsContext, refund: Pick<Refund, "id" | "outTradeNo" | "txdtm" | "createdAt">, cause: string): Promise<QueryResult> {
  const now = ctx.now();
  const claimed = await ctx.db
    .update(refunds)
    .set({ lastQueriedAt: now })
    .where(and(eq(refunds.id, refund.id), or(isNull(refunds.lastQueriedAt), lt(refunds.lastQueriedAt, new Date(now.getTime() - ctx.querySpacingMs)))))
    .returning({ id: refunds.id });
  if (claimed.length === 0) return "too_soon";

  // Its month, and the neighbouring one near a month's boundary (QFPay filters on its own sysdtm).
  let item: QueryItem | undefined;
  for (const window of queryWindowsFor(refund.txdtm)) {
    const outcome = await ctx.qfpay.query({ out_trade_no: refund.outTradeNo, ...window });
    if (outcome.kind !== "accepted") return "gateway_unavailable";
    item ??= outcome.value.data.find((row) => row.out_trade_no === refund.outTradeNo);
  }
  await ctx.db.transaction(async (tx) => {
    const current = await findRefundByOutTradeNo(tx, refund.outTradeNo);
    if (!current) return;
    if (!item) {
      if (ctx.now().getTime() - refund.createdAt.getTime() >= ctx.notFoundGraceMs) {
        await markRefundFailed(tx, current, "not_found", "The refund never reached QFPay.", `query:${cause}`);
      }
      return;
    }
    const state = transactionStateOf(item.respcd);
    if (state === "paid") await markRefundSucceeded(tx, current, item.syssn, `query:${cause}`);
    else if (state !== "pending") await markRefundFailed(tx, current, item.respcd, shopperReason(item.respcd, item.errmsg || describeStatus(item.respcd)), `query:${cause}`);
  });
  return "settled";
}
