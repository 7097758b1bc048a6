import { and, desc, eq, sql } from "drizzle-orm";
import { orderEvents, orders } from "../db/schema/orders";
import { paymentAttempts, refunds } from "../db/schema/payments";
import { crashPoint } from "../crash-point";
import type { PaymentsContext } from "./context";
import type { GatewayTruth } from "./gateway-truth";
import { takeStockForOrder } from "./inventory";
import { refundedOrderState } from "./state-machine";
import { flagForReview, lockAttempt, lockOrder, moveAttempt, moveOrder, recordEvent, recordEvents, type EventInput, type Tx } from "./transitions";

export type Attempt = typeof paymentAttempts.$inferSelect;
type Order = typeof orders.$inferSelect;

/**
 * Applies what QFPay says about an attempt, in one transaction. Safe to call any number of times, in any
 * order, concurrently: the guarded transitions let exactly one caller take each step, and the side
 * effects of `paid` (stock, the `order.paid` event) happen with the order's own transition, once.
 */
export async function settleAttempt(ctx: PaymentsContext, attemptId: number, truth: GatewayTruth, cause: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, attemptId);
    if (!attempt) return;
    if (attempt.state === "paid" && truth.kind !== "paid") return contradictPaid(tx, ctx, attempt, truth, cause);
    switch (truth.kind) {
      case "paid":
        return applyPaid(tx, ctx, attempt, truth, cause);
      case "pending":
        // A created attempt QFPay holds was sent, but its answer was lost (a crash, a dropped connection):
        // it is unknown until QFPay settles it, and the shopper is offered a fresh start meanwhile.
        if (attempt.state === "created") {
          await moveAttempt(tx, attempt, "unknown", cause, { set: { syssn: attempt.syssn ?? truth.syssn }, detail: { syssn: truth.syssn, code: truth.code }, from: attempt.state });
        } else if (!attempt.syssn) {
          await tx.update(paymentAttempts).set({ syssn: truth.syssn }).where(eq(paymentAttempts.id, attempt.id));
        }
        return;
      case "closed":
        return closeAttempt(tx, attempt, "expired", cause, { syssn: attempt.syssn ?? truth.syssn, failureCode: truth.code, failureReason: truth.reason });
      case "failed":
        return closeAttempt(tx, attempt, "failed", cause, { syssn: attempt.syssn ?? truth.syssn, failureCode: truth.code, failureReason: truth.reason });
      case "absent":
        // Sent but unknown to QFPay after the grace period: it never got there, so nobody can pay it.
        if ((attempt.state === "created" || attempt.state === "unknown") && ctx.now().getTime() - attempt.createdAt.getTime() >= ctx.notFoundGraceMs) {
          return closeAttempt(tx, attempt, "failed", cause, { failureCode: "not_found", failureReason: "The payment never reached QFPay." });
        }
        return;
    }
  });
}

const TRUTH_IN_WORDS = { pending: "still unpaid", closed: "closed", failed: "failed", absent: "unknown to it" } as const;

/**
 * An attempt stands paid (a signed notification said so) but QFPay's own query, the truth, says otherwise:
 * the merchant is told at once, on the order, and told once for each thing QFPay says. An absent payment
 * is believed only after the grace QFPay's records may lag by.
 */
async function contradictPaid(tx: Tx, ctx: PaymentsContext, attempt: Attempt, truth: Exclude<GatewayTruth, { kind: "paid" }>, cause: string): Promise<void> {
  if (truth.kind === "absent" && ctx.now().getTime() - (attempt.paidAt ?? attempt.createdAt).getTime() < ctx.notFoundGraceMs) return;
  const order = await lockOrder(tx, attempt.orderId);
  if (!order) return;
  const said = "code" in truth ? ` (${truth.code})` : "";
  const reason = `A notification said payment ${attempt.syssn} was made, but QFPay's query says it is ${TRUTH_IN_WORDS[truth.kind]}${said}: do not ship before QFPay confirms it.`;
  if (order.needsReview && order.reviewReason === reason) return;
  await flagForReview(tx, order.id, reason, cause, { attemptId: attempt.id, syssn: attempt.syssn, gateway: truth });
}

/**
 * Whether an attempt already stands paid by this payment: same syssn, same amount and currency. Paid is
 * final for an attempt, so a plain read that says so is enough to skip settling it again (the query
 * that confirms a notification, a resent notification): no transaction, no lock.
 */
export function isPaidBy(attempt: Attempt, truth: { syssn: string; amount: number; currency: string }): boolean {
  return attempt.state === "paid" && attempt.syssn === truth.syssn && attempt.amount === truth.amount && attempt.currency === truth.currency;
}

async function applyPaid(tx: Tx, ctx: PaymentsContext, attempt: Attempt, truth: Extract<GatewayTruth, { kind: "paid" }>, cause: string): Promise<void> {
  const order = await lockOrder(tx, attempt.orderId);
  if (!order) return;
  const detail = { syssn: truth.syssn, amount: truth.amount, currency: truth.currency };

  if (truth.amount !== attempt.amount || truth.currency !== attempt.currency || attempt.amount !== order.total || attempt.currency !== order.currency) {
    await flagForReview(tx, order.id, `QFPay reports ${truth.amount} ${truth.currency} paid, but the order is ${order.total} ${order.currency}.`, cause, { ...detail, attemptId: attempt.id });
    return;
  }
  if (attempt.syssn && attempt.syssn !== truth.syssn) {
    await flagForReview(tx, order.id, `QFPay reports payment ${truth.syssn}, but this attempt is ${attempt.syssn}.`, cause, { ...detail, attemptId: attempt.id });
    return;
  }
  if (attempt.state === "paid") return;

  // The transitions' events go in together, in one statement, when the order is paid.
  const events: EventInput[] = [];
  const left = await moveAttempt(tx, attempt, "paid", cause, { set: { syssn: truth.syssn, paidAt: ctx.now() }, detail, from: attempt.state, events });
  if (left === null) {
    // Terminal already (failed or expired): QFPay took the money after the shop gave up on it. The
    // notification and the query confirming it both say so: the merchant hears it once.
    const [told] = await tx
      .select({ id: orderEvents.id })
      .from(orderEvents)
      .where(and(eq(orderEvents.attemptId, attempt.id), eq(orderEvents.type, "attempt.paid_late")))
      .limit(1);
    if (told) return;
    await recordEvent(tx, { orderId: order.id, type: "attempt.paid_late", cause, attemptId: attempt.id, fromState: attempt.state, detail });
    await flagForReview(tx, order.id, `Paid after the shop had marked this payment ${attempt.state}: refund it or fulfil the order.`, cause, { ...detail, attemptId: attempt.id });
    return;
  }

  const orderLeft = await moveOrder(tx, order.id, "paid", cause, { set: { paidAt: ctx.now() }, attemptId: attempt.id, detail, from: order.state, events });
  if (orderLeft === null) {
    await recordEvents(tx, events);
    const why = order.state === "expired" || order.state === "failed" ? `after the order had ${order.state === "expired" ? "expired" : "failed"}` : "twice for one order";
    await flagForReview(tx, order.id, `Paid ${why}: refund the extra payment ${truth.syssn}.`, cause, { ...detail, attemptId: attempt.id });
    return;
  }

  crashPoint("paid.mid-transaction");
  // The order's own transition just happened, in this transaction, exactly once: do its side effects.
  const oversold = await takeStockForOrder(tx, order.id);
  events.push({ orderId: order.id, type: "order.paid_effects", cause, attemptId: attempt.id, detail: { ...detail, oversold } });
  await recordEvents(tx, events);
  if (oversold.length > 0) await flagForReview(tx, order.id, `Paid, but stock ran out for ${oversold.join(", ")}.`, cause);

  // Refunds that arrived before the payment are held in refundedTotal (applyRefundTotals keeps it equal
  // to the succeeded refunds, under this same lock): only then is there anything to bring in line.
  if (order.refundedTotal > 0) await applyRefundTotals(tx, order.id, cause, { ...order, state: "paid" });
}

async function closeAttempt(tx: Tx, attempt: Attempt, to: "failed" | "expired", cause: string, set: Partial<Attempt>): Promise<void> {
  const left = await moveAttempt(tx, attempt, to, cause, { set, detail: { code: set.failureCode, reason: set.failureReason }, from: attempt.state });
  if (left === null) return;
  // An expired live attempt expires its order; a failed one leaves it open for another try.
  if (to !== "expired") return;
  const [latest] = await tx.select({ id: paymentAttempts.id }).from(paymentAttempts).where(eq(paymentAttempts.orderId, attempt.orderId)).orderBy(desc(paymentAttempts.id)).limit(1);
  if (latest?.id === attempt.id) await moveOrder(tx, attempt.orderId, "expired", cause, { attemptId: attempt.id });
}

/**
 * Brings a paid order's refunded total and state in line with its succeeded refunds. `locked` is the
 * order as the caller already locked it in this transaction.
 */
export async function applyRefundTotals(tx: Tx, orderId: string, cause: string, locked?: Order): Promise<void> {
  const order = locked ?? (await lockOrder(tx, orderId));
  if (!order) return;
  const [sum] = await tx
    .select({ total: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), eq(refunds.state, "succeeded")));
  const refunded = Number(sum?.total ?? 0);
  if (order.state !== "paid" && order.state !== "partially_refunded" && order.state !== "refunded") {
    // Money went back before the shop saw it arrive: hold the total until the payment is confirmed.
    if (refunded !== order.refundedTotal) await tx.update(orders).set({ refundedTotal: refunded }).where(eq(orders.id, orderId));
    return;
  }
  const target = refundedOrderState(order.total, refunded);
  if (target === order.state && refunded === order.refundedTotal) return;
  if (refunded > order.total && refunded !== order.refundedTotal) {
    await flagForReview(tx, orderId, `Refunds of ${refunded} exceed the payment of ${order.total}.`, cause);
  }
  if (target === "paid" || target === order.state) {
    await tx.update(orders).set({ refundedTotal: refunded }).where(eq(orders.id, orderId));
    return;
  }
  await moveOrder(tx, orderId, target, cause, { set: { refundedTotal: refunded }, detail: { refundedTotal: refunded }, from: order.state });
}
