import { crashPoint } from "../crash-point";
import type { PaymentsContext } from "./context";
import type { GatewayTruth } from "./gateway-truth";
import { confirms, contradiction, type PaymentClaim } from "./payment-claim";
import { capturedOf, paymentBalances } from "./payment-balances";
import { orderStateFor } from "./state-machine";
import { attemptsOf, latestAttemptId, lockAttempt, updateAttemptDetails } from "./store/attempts";
import { recordEvents } from "./store/events";
import { lockOrder, setRefundedTotal } from "./store/orders";
import { refundsOf } from "./store/refunds";
import { takeStockForOrder } from "./store/stock";
import { transaction, type Tx } from "./store/transaction";
import { flagForReview, flagForReviewOnce, moveAttempt, moveOrder } from "./store/transitions";
import type { Attempt, EventInput, Order } from "./types";

/**
 * Applies what QFPay says about an attempt, in one transaction. Safe to call any number of times, in any
 * order, concurrently: the guarded transitions let exactly one caller take each step, and the side
 * effects of `paid` (stock, the `order.paid` event) happen with the order's own transition, once. For each
 * of the `claims` of signed notifications that QFPay's word does not bear out, the order is flagged at
 * once: the payment counts only as the query has it.
 */
export async function settleAttempt(ctx: PaymentsContext, attemptId: number, truth: GatewayTruth, cause: string, claims: readonly PaymentClaim[] = []): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const attempt = await lockAttempt(tx, attemptId);
    if (!attempt) return;
    for (const claim of claims.filter((each) => !confirms(truth, each))) await flagContradiction(tx, attempt, claim, truth, cause, "notification");
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
          await updateAttemptDetails(tx, attempt.id, { syssn: truth.syssn });
        }
        return;
      case "closed":
        return closeAttempt(tx, attempt, "expired", cause, { syssn: attempt.syssn ?? truth.syssn, failureCode: truth.code, failureReason: truth.reason }, attempt.state);
      case "failed":
        return closeAttempt(tx, attempt, "failed", cause, { syssn: attempt.syssn ?? truth.syssn, failureCode: truth.code, failureReason: truth.reason }, attempt.state);
      case "absent":
        // Sent but unknown to QFPay after the grace period: it never got there, so nobody can pay it.
        if ((attempt.state === "created" || attempt.state === "unknown") && ctx.now().getTime() - attempt.createdAt.getTime() >= ctx.notFoundGraceMs) {
          return closeAttempt(tx, attempt, "failed", cause, { failureCode: "not_found", failureReason: "The payment never reached QFPay." }, attempt.state);
        }
        return;
    }
  });
}

/** Flags an order for a contradiction, once for each thing QFPay says (the same news twice is not news). */
async function flagContradiction(tx: Tx, attempt: Attempt, claimed: PaymentClaim, truth: GatewayTruth, cause: string, by: "notification" | "shop"): Promise<void> {
  const order = await lockOrder(tx, attempt.orderId);
  if (!order) return;
  await flagForReviewOnce(tx, order.id, contradiction(claimed, truth, by), cause, { attemptId: attempt.id, syssn: claimed.syssn, gateway: truth });
}

/**
 * An attempt stands paid but QFPay's own query, the truth, says otherwise: the merchant is told at once.
 * An absent payment is believed only after the grace QFPay's records may lag by.
 */
async function contradictPaid(tx: Tx, ctx: PaymentsContext, attempt: Attempt, truth: Exclude<GatewayTruth, { kind: "paid" }>, cause: string): Promise<void> {
  if (truth.kind === "absent" && ctx.now().getTime() - (attempt.paidAt ?? attempt.createdAt).getTime() < ctx.notFoundGraceMs) return;
  await flagContradiction(tx, attempt, { syssn: attempt.syssn ?? "", amount: attempt.amount, currency: attempt.currency }, truth, cause, "shop");
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
  // QFPay's word wins over the shop's: an attempt replaced, given up on or seen failing is paid now.
  const left = await moveAttempt(tx, attempt, "paid", cause, { set: { syssn: truth.syssn, paidAt: ctx.now() }, detail, from: attempt.state, events });
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
  if ((await moveOrder(tx, order.id, "paid", cause, { set: { paidAt: ctx.now() }, attemptId: attempt.id, detail, from: order.state, events })) === null) return recordEvents(tx, events);

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

/**
 * Closes an attempt as failed or expired. An expired attempt that is its order's latest expires the order
 * too; a failed one leaves the order open for another try. `from` is the state this transaction locked
 * it in; without it, the attempt is locked here. False when someone else moved it first.
 */
export async function closeAttempt(tx: Tx, attempt: Attempt, to: "failed" | "expired", cause: string, set: Partial<Attempt>, from?: Attempt["state"]): Promise<boolean> {
  const left = await moveAttempt(tx, attempt, to, cause, { set, detail: { code: set.failureCode, reason: set.failureReason }, from });
  if (left === null) return false;
  if (to === "expired" && (await latestAttemptId(tx, attempt.orderId)) === attempt.id) await moveOrder(tx, attempt.orderId, "expired", cause, { attemptId: attempt.id });
  return true;
}

/**
 * Brings an order's refunded total in line with its succeeded refunds and, once it is paid, its state in
 * line with the money its payments still hold. `locked` is the order as the caller already locked it in
 * this transaction.
 */
export async function applyRefundTotals(tx: Tx, orderId: string, cause: string, locked?: Order): Promise<void> {
  const order = locked ?? (await lockOrder(tx, orderId));
  if (!order) return;
  const orderRefunds = await refundsOf(tx, orderId);
  const refunded = orderRefunds.filter((refund) => refund.state === "succeeded").reduce((sum, refund) => sum + refund.amount, 0);
  if (order.state !== "paid" && order.state !== "partially_refunded" && order.state !== "refunded") {
    // Money went back before the shop saw it arrive: hold the total until the payment is confirmed.
    if (refunded !== order.refundedTotal) await setRefundedTotal(tx, orderId, refunded);
    return;
  }
  const balances = paymentBalances(await attemptsOf(tx, orderId), orderRefunds);
  const captured = capturedOf(balances);
  const target = orderStateFor(order.total, captured);
  if (target === order.state && refunded === order.refundedTotal) return;
  if (refunded !== order.refundedTotal) {
    for (const payment of balances.filter((b) => b.refunded > b.amount)) {
      await flagForReview(tx, orderId, `Refunds of ${payment.refunded} exceed payment ${payment.syssn} of ${payment.amount}.`, cause, { attemptId: payment.attemptId });
    }
  }
  if (target === order.state) {
    await setRefundedTotal(tx, orderId, refunded);
    return;
  }
  await moveOrder(tx, orderId, target, cause, { set: { refundedTotal: refunded }, detail: { refundedTotal: refunded, captured }, from: order.state });
}
