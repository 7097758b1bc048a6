import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { paymentAttempts, refunds } from "../db/schema/payments";
import { formatGatewayTime } from "../qfpay/gateway-time";
import { crashPoint } from "../crash-point";
import { describeStatus } from "../qfpay/status-codes";
import type { PaymentsContext } from "./context";
import { newOutTradeNo } from "./ids";
import { queryRefund } from "./query-refund";
import { inRefundBlackout } from "../qfpay/refund-window";
import { markRefundFailed, markRefundSucceeded, findRefundByOutTradeNo, type Refund } from "./settle-refund";
import { lockOrder, moveRefund, recordEvent } from "./transitions";

export type RefundResult = { ok: true; refund: Refund } | { ok: false; error: string };

/** Plain words for QFPay's refund refusals. */
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

/** Partial refunds this order's payment was already refused, so the form can say so before asking again. */
const PARTIAL_REFUSED = ["1270", "1271"];

/**
 * A full or partial refund of a paid order, with a new refund number each time. The refund row is
 * stored before QFPay is called; a double submit (same `requestKey`) finds it instead of making a
 * second refund; an unknown outcome is settled by query, never by sending again.
 */
export async function refundOrder(ctx: PaymentsContext, input: { orderId: string; amount: number; requestKey: string; by: string }): Promise<RefundResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return { ok: false, error: "Enter an amount above zero." };
  if (inRefundBlackout(ctx.now())) return { ok: false, error: REFUND_REASONS["1265"]! };

  const prepared = await ctx.db.transaction(async (tx): Promise<RefundResult | { send: Refund; syssn: string }> => {
    // The order's lock serialises refunds of one order: the second of two identical submits sees the first.
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { ok: false, error: "This order does not exist." };
    const [repeat] = await tx.select().from(refunds).where(eq(refunds.requestKey, input.requestKey));
    if (repeat) {
      if (repeat.orderId !== order.id) return { ok: false, error: "Reload the page and try again." };
      // A repeat answers as the first submit did: a refund QFPay refused is not "sent", and no query will settle it.
      if (repeat.state === "failed") return { ok: false, error: repeat.failureReason ?? "QFPay refused the refund." };
      return { ok: true, refund: repeat };
    }
    if (order.state !== "paid" && order.state !== "partially_refunded") return { ok: false, error: order.state === "refunded" ? REFUND_REASONS["1125"]! : "Only paid orders can be refunded." };
    const [attempt] = await tx
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.orderId, order.id), eq(paymentAttempts.state, "paid")))
      .orderBy(desc(paymentAttempts.id))
      .limit(1);
    if (!attempt?.syssn) return { ok: false, error: "This order has no payment QFPay confirmed." };
    const [committed] = await tx
      .select({ total: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
      .from(refunds)
      .where(and(eq(refunds.orderId, order.id), inArray(refunds.state, ["created", "unknown", "succeeded"])));
    const left = order.total - Number(committed?.total ?? 0);
    if (input.amount > left) return { ok: false, error: left === 0 ? REFUND_REASONS["1125"]! : `At most ${left} (minor units) can still be refunded.` };
    if (input.amount < attempt.amount) {
      const [refused] = await tx
        .select({ code: refunds.failureCode })
        .from(refunds)
        .where(and(eq(refunds.attemptId, attempt.id), inArray(refunds.failureCode, PARTIAL_REFUSED)))
        .limit(1);
      if (refused?.code) return { ok: false, error: REFUND_REASONS[refused.code]! };
    }
    const [refund] = await tx
      .insert(refunds)
      .values({ orderId: order.id, attemptId: attempt.id, outTradeNo: newOutTradeNo("refund"), amount: input.amount, state: "created", txdtm: formatGatewayTime(ctx.now()), requestKey: input.requestKey })
      .returning();
    await recordEvent(tx, { orderId: order.id, type: "refund.created", cause: `admin:${input.by}`, refundId: refund!.id, toState: "created", detail: { amount: input.amount, outTradeNo: refund!.outTradeNo } });
    return { send: refund!, syssn: attempt.syssn };
  });
  if (!("send" in prepared)) return prepared;

  const { send: refund, syssn } = prepared;
  const outcome = await ctx.qfpay.refund({ syssn, out_trade_no: refund.outTradeNo, txamt: refund.amount, txdtm: refund.txdtm });
  crashPoint("refund.after-gateway");
  switch (outcome.kind) {
    case "accepted":
      await ctx.db.transaction(async (tx) => {
        const current = await findRefundByOutTradeNo(tx, refund.outTradeNo);
        if (current) await markRefundSucceeded(tx, current, outcome.value.syssn, "gateway");
      });
      break;
    case "pending":
    case "transport":
      await ctx.db.transaction((tx) => moveRefund(tx, refund, "unknown", "gateway", { detail: { message: outcome.message } }));
      await queryRefund(ctx, refund, "gateway");
      break;
    case "failed":
    case "invalid": {
      const code = outcome.kind === "failed" ? outcome.code : "invalid";
      const reason = REFUND_REASONS[code] ?? (outcome.kind === "failed" ? describeStatus(code) : outcome.message);
      await ctx.db.transaction(async (tx) => {
        const current = await findRefundByOutTradeNo(tx, refund.outTradeNo);
        if (current) await markRefundFailed(tx, current, code, reason, "gateway");
      });
      break;
    }
  }
  const [fresh] = await ctx.db.select().from(refunds).where(eq(refunds.id, refund.id));
  if (fresh!.state === "failed") return { ok: false, error: fresh!.failureReason ?? "QFPay refused the refund." };
  return { ok: true, refund: fresh! };
}
