import { crashPoint } from "../crash-point";
import type { PaymentsContext } from "./context";
import type { GatewayTruth } from "./gateway";
import { applyRefundTotals } from "./refund-totals";
import { recordEvents } from "./store/events";
import { takeStockForOrder } from "./store/stock";
import type { Tx } from "./store/transaction";
import { flagForReview, moveAttempt, moveOrder } from "./store/transitions";
import type { Attempt, EventInput, Order } from "./types";

/** QFPay says the attempt is paid: `attempt` and `order` were locked together by the caller's transaction. */
export async function applyPaid(
  tx: Tx,
  ctx: PaymentsContext,
  attempt: Attempt,
  order: Order,
  truth: Extract<GatewayTruth, { kind: "paid" }>,
  cause: string,
): Promise<void> {
  const detail = { syssn: truth.syssn, amount: truth.amount, currency: truth.currency };

  if (
    truth.amount !== attempt.amount ||
    truth.currency !== attempt.currency ||
    attempt.amount !== order.total ||
    attempt.currency !== order.currency
  ) {
    await flagForReview(
      tx,
      order.id,
      `QFPay reports ${truth.amount} ${truth.currency} paid, but the order is ${order.total} ${order.currency}.`,
      cause,
      { ...detail, attemptId: attempt.id },
    );
    return;
  }
  if (attempt.syssn && attempt.syssn !== truth.syssn) {
    await flagForReview(
      tx,
      order.id,
      `QFPay reports payment ${truth.syssn}, but this attempt is ${attempt.syssn}.`,
      cause,
      { ...detail, attemptId: attempt.id },
    );
    return;
  }
  if (attempt.state === "paid") return;

  // The transitions' events go in together, in one statement, when the order is paid.
  const events: EventInput[] = [];
  // QFPay's word wins over the shop's: an attempt replaced, given up on or seen failing is paid now.
  const left = await moveAttempt(tx, attempt, "paid", cause, {
    set: { syssn: truth.syssn, paidAt: ctx.now() },
    detail,
    from: attempt.state,
    events,
  });
  if (left === null) return;
  if (order.state !== "awaiting_payment") {
    // Money for an order that was paid already, or that the shop had closed: the merchant decides.
    await recordEvents(tx, events);
    const reason =
      order.state === "expired" || order.state === "failed"
        ? `Paid after the order had ${order.state === "expired" ? "expired" : "failed"}: refund payment ${truth.syssn} or fulfil the order.`
        : `Paid twice for one order: refund the extra payment ${truth.syssn}.`;
    await flagForReview(tx, order.id, reason, cause, { ...detail, attemptId: attempt.id });
    // A refunded order holds money again: its state follows.
    if (order.state !== "expired" && order.state !== "failed") await applyRefundTotals(tx, order.id, cause, order);
    return;
  }
  if (
    (await moveOrder(tx, order.id, "paid", cause, {
      set: { paidAt: ctx.now() },
      attemptId: attempt.id,
      detail,
      from: order.state,
      events,
    })) === null
  )
    return recordEvents(tx, events);

  crashPoint("paid.mid-transaction");
  // The order's own transition just happened, in this transaction, exactly once: do its side effects.
  const oversold = await takeStockForOrder(tx, order.id);
  events.push({
    orderId: order.id,
    type: "order.paid_effects",
    cause,
    attemptId: attempt.id,
    detail: { ...detail, oversold },
  });
  await recordEvents(tx, events);
  if (oversold.length > 0)
    await flagForReview(tx, order.id, `Paid, but stock ran out for ${oversold.join(", ")}.`, cause);

  // Refunds that arrived before the payment are held in refundedTotal (applyRefundTotals keeps it equal
  // to the succeeded refunds, under this same lock): only then is there anything to bring in line.
  if (order.refundedTotal > 0) await applyRefundTotals(tx, order.id, cause, { ...order, state: "paid" });
}
