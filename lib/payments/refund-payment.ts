import { crashPoint } from "../crash-point";
import { paymentBalances } from "./payment-balances";
import type { PaymentsContext } from "./context";
import { newOutTradeNo } from "./ids";
import { queryRefund } from "./query-refund";
import { markRefundFailed, markRefundSucceeded } from "./settle-refund";
import { attemptsOf } from "./store/attempts";
import { lockOrder } from "./store/orders";
import { insertRefund, lockRefundByOutTradeNo, readRefund, refundByRequestKey, refundsOf } from "./store/refunds";
import { transaction } from "./store/transaction";
import { moveRefund } from "./store/transitions";
import type { RefundProblem } from "./refund-problem";
import type { Refund } from "./types";

/** A refund made (or sent), or why not: a code the admin's page words (./refund-problem.ts). */
export type RefundResult = { ok: true; refund: Refund } | { ok: false; problem: RefundProblem };

const refused = (problem: RefundProblem): RefundResult => ({ ok: false, problem });

export interface RefundInput {
  orderId: string;
  /** The payment (attempt) to refund; may be left out when the order has one payment only. */
  attemptId?: number;
  /** Minor units, or everything this payment still holds (worked out under the order's lock). */
  amount: number | "rest";
  requestKey: string;
  by: string;
  /**
   * The merchant made this refund in the gateway's own portal (a gateway whose API takes none): the shop
   * records it on the merchant's word, sending nothing. Refused for a gateway the shop refunds through.
   */
  madeInPortal?: boolean;
}

/**
 * A full or partial refund of one payment of an order, with a new refund number each time. The refund
 * row is stored before QFPay is called; a double submit (same `requestKey`) finds it instead of making a
 * second refund; an unknown outcome is settled by query, never by sending again.
 */
export async function refundOrder(ctx: PaymentsContext, input: RefundInput): Promise<RefundResult> {
  if (input.amount !== "rest" && (!Number.isSafeInteger(input.amount) || input.amount <= 0))
    return refused({ code: "enterAmount" });
  const inPortal = ctx.gateway.refundsOutsideShop !== null;
  if (input.madeInPortal && !inPortal) return refused({ code: "refundedHere" });
  const paused = input.madeInPortal ? null : ctx.gateway.refundPause(ctx.now());
  if (paused) return refused(paused);

  const prepared = await transaction(ctx.db, async (tx): Promise<RefundResult | { send: Refund; syssn: string }> => {
    // The order's lock serialises refunds of one order: the second of two identical submits sees the first.
    const order = await lockOrder(tx, input.orderId);
    if (!order) return refused({ code: "orderMissing" });
    const repeat = await refundByRequestKey(tx, input.requestKey);
    if (repeat) {
      if (repeat.orderId !== order.id) return refused({ code: "reload" });
      // A repeat answers as the first submit did: a refund QFPay refused is not "sent", and no query will settle it.
      if (repeat.state === "failed") return gatewayRefused(ctx, repeat);
      return { ok: true, refund: repeat };
    }
    const orderRefunds = await refundsOf(tx, order.id);
    const payments = paymentBalances(await attemptsOf(tx, order.id), orderRefunds);
    if (payments.length === 0) return refused({ code: "notPaid" });
    const payment =
      input.attemptId === undefined
        ? payments.length === 1
          ? payments[0]
          : undefined
        : payments.find((p) => p.attemptId === input.attemptId);
    if (!payment) return refused({ code: input.attemptId === undefined ? "choosePayment" : "paymentOfOrder" });
    if (payment.refundable === 0) return refused({ code: "refundedInFull" });
    const amount = input.amount === "rest" ? payment.refundable : input.amount;
    if (amount > payment.refundable)
      return refused({ code: "atMost", max: payment.refundable, currency: order.currency });
    if (amount < payment.amount) {
      const noPartial = orderRefunds
        .filter((r) => r.attemptId === payment.attemptId && r.failureCode !== null)
        .map((r) => ctx.gateway.partialRefusal(r.failureCode!))
        .find((problem) => problem !== null);
      if (noPartial) return refused(noPartial);
    }
    const outTradeNo = newOutTradeNo("refund");
    const refund = await insertRefund(
      tx,
      {
        orderId: order.id,
        attemptId: payment.attemptId,
        outTradeNo,
        amount,
        txdtm: ctx.gateway.requestTime(ctx.now()),
        requestKey: input.requestKey,
      },
      "created",
      `admin:${input.by}`,
      { amount, outTradeNo, syssn: payment.syssn, ...(input.madeInPortal && { madeInPortal: true }) },
    );
    // Its number is new and its key was looked for under the order's lock: nothing can hold either.
    if (!refund) throw new Error(`Refund ${outTradeNo} could not be stored.`);
    if (input.madeInPortal) {
      // Nothing to send: the money went back through the portal, and the order counts it at once.
      await markRefundSucceeded(tx, refund, null, `admin:${input.by}:portal`);
      return { ok: true, refund: (await lockRefundByOutTradeNo(tx, outTradeNo))! };
    }
    return { send: refund, syssn: payment.syssn };
  });
  if (!("send" in prepared)) return prepared;

  const { send: refund, syssn } = prepared;
  const outcome = await ctx.gateway.refund({
    paymentSyssn: syssn,
    outTradeNo: refund.outTradeNo,
    amount: refund.amount,
    requestTime: refund.txdtm,
  });
  crashPoint("refund.after-gateway");
  switch (outcome.kind) {
    case "accepted":
      await transaction(ctx.db, async (tx) => {
        const current = await lockRefundByOutTradeNo(tx, refund.outTradeNo);
        if (current) await markRefundSucceeded(tx, current, outcome.syssn, "gateway");
      });
      break;
    case "unknown":
      await transaction(ctx.db, (tx) =>
        moveRefund(tx, refund, "unknown", "gateway", { detail: { message: outcome.message } }),
      );
      await queryRefund(ctx, refund, "gateway");
      break;
    case "refused":
      await transaction(ctx.db, async (tx) => {
        const current = await lockRefundByOutTradeNo(tx, refund.outTradeNo);
        if (current) await markRefundFailed(tx, current, outcome.code, outcome.reason, "gateway");
      });
      break;
  }
  const fresh = await readRefund(ctx.db, refund.id);
  if (fresh!.state === "failed") return gatewayRefused(ctx, fresh!);
  return { ok: true, refund: fresh! };
}

/** A refund the gateway refused, with the gateway's own words as stored (the page shows them as they are). */
function gatewayRefused(ctx: PaymentsContext, refund: Refund): RefundResult {
  return refused({ code: "gatewayRefused", provider: ctx.gateway.name, reason: refund.failureReason });
}
