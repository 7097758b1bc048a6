import type { Db } from "@/lib/db/connection";
import { PRODUCTS } from "@/lib/catalog/products";
import { inventory } from "@/lib/db/schema/inventory";
import { orderEvents, orderItems, orders } from "@/lib/db/schema/orders";
import { paymentAttempts, refunds } from "@/lib/db/schema/payments";
import { sandboxTransactions } from "@/lib/db/schema/sandbox";
import { cbtisSandboxIntents } from "@/lib/db/schema/cbtis-sandbox";
import { transactionStateOf } from "@/lib/qfpay/status-codes";

const PAID_STATES = new Set(["paid", "partially_refunded", "refunded"]);

export interface Ledger {
  orders: number;
  paidOrders: number;
  attempts: number;
  gatewayPayments: number;
  problems: string[];
}

/** A payment or refund as the gateway's books hold it, whichever stand-in (QFPay's or CBTIS's) kept them. */
interface Held {
  orderType: "payment" | "refund";
  outTradeNo: string;
  /** The gateway's own number: QFPay's syssn, CBTIS's order_id. */
  number: string;
  state: "paid" | "pending" | "closed";
}

/** Both stand-ins' books in one shape: a shop pays through one provider, and the other's table is empty. */
async function gatewayBooks(db: Db): Promise<Held[]> {
  const [qfpay, cbtis] = await Promise.all([
    db.select().from(sandboxTransactions),
    db.select().from(cbtisSandboxIntents),
  ]);
  return [
    ...qfpay.map((tx): Held => ({
      orderType: tx.orderType === "refund" ? "refund" : "payment",
      outTradeNo: tx.outTradeNo,
      number: tx.syssn,
      state: tx.respcd === "0000" ? "paid" : transactionStateOf(tx.respcd) === "pending" ? "pending" : "closed",
    })),
    ...cbtis.map((intent): Held => ({
      orderType: "payment",
      outTradeNo: intent.merchantOrderId,
      number: intent.orderId,
      state: intent.status === "SUCCEEDED" ? "paid" : intent.status === "PENDING" ? "pending" : "closed",
    })),
  ];
}

/**
 * What must hold in the shop's database whatever happened to it (crashes, load, duplicates), checked
 * against the sandbox gateway's own records, which stand for QFPay's (or CBTIS's) books:
 * - every payment the gateway holds belongs to an attempt the shop stored (no order lost);
 * - a paid order has exactly one paid attempt, for its total, that the gateway also holds as paid,
 *   and its side effects (the `order.paid_effects` event, the stock taken) happened exactly once;
 * - an unpaid order has no side effects and no paid attempt, unless flagged for review;
 * - refunds never exceed what was paid, and the order's refunded total is the sum of its refunds;
 * - stock on hand is the initial stock less what paid orders took, and never below zero;
 * - with `settled`, no attempt or refund is left open that QFPay does not itself hold open.
 */
/** `stockedTo`: the stock every product was given through the sandbox at the start (else the catalog's). */
export async function checkInvariants(db: Db, options: { settled: boolean; stockedTo?: number }): Promise<Ledger> {
  const problems: string[] = [];
  const [allOrders, attempts, allRefunds, events, gateway, items, stock] = await Promise.all([
    db.select().from(orders),
    db.select().from(paymentAttempts),
    db.select().from(refunds),
    db
      .select({ orderId: orderEvents.orderId, type: orderEvents.type, fromState: orderEvents.fromState })
      .from(orderEvents),
    gatewayBooks(db),
    db.select().from(orderItems),
    db.select().from(inventory),
  ]);

  const byOrder = <T extends { orderId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.orderId, [...(map.get(row.orderId) ?? []), row]);
    return map;
  };
  const attemptsOf = byOrder(attempts);
  const refundsOf = byOrder(allRefunds);
  const eventsOf = byOrder(events);
  const gatewayByOutTradeNo = new Map(gateway.map((tx) => [tx.outTradeNo, tx]));
  const knownOutTradeNos = new Set([...attempts.map((a) => a.outTradeNo), ...allRefunds.map((r) => r.outTradeNo)]);

  for (const tx of gateway) {
    if (!knownOutTradeNos.has(tx.outTradeNo))
      problems.push(`gateway ${tx.orderType} ${tx.number} (${tx.outTradeNo}) belongs to nothing the shop stored`);
  }

  const taken = new Map<string, number>();
  for (const order of allOrders) {
    const label = `order ${order.id} (${order.state})`;
    const paidAttempts = (attemptsOf.get(order.id) ?? []).filter((a) => a.state === "paid");
    const effects = (eventsOf.get(order.id) ?? []).filter((e) => e.type === "order.paid_effects").length;
    // A refunded order that takes a late payment returns to paid: only the first arrival is the sale.
    const paidEvents = (eventsOf.get(order.id) ?? []).filter(
      (e) => e.type === "order.paid" && e.fromState === "awaiting_payment",
    ).length;
    const succeeded = (refundsOf.get(order.id) ?? [])
      .filter((r) => r.state === "succeeded")
      .reduce((sum, r) => sum + r.amount, 0);

    if (PAID_STATES.has(order.state)) {
      if (effects !== 1) problems.push(`${label}: ${effects} paid side effects`);
      if (paidEvents !== 1) problems.push(`${label}: ${paidEvents} order.paid events from awaiting_payment`);
      if (paidAttempts.length !== 1 && !order.needsReview)
        problems.push(`${label}: ${paidAttempts.length} paid attempts and no review flag`);
      for (const attempt of paidAttempts) {
        if (attempt.amount !== order.total || attempt.currency !== order.currency)
          problems.push(`${label}: paid attempt ${attempt.outTradeNo} is not the order's total`);
      }
      if (succeeded > order.total) problems.push(`${label}: refunds of ${succeeded} exceed the total ${order.total}`);
      if (order.refundedTotal !== succeeded)
        problems.push(`${label}: refunded total ${order.refundedTotal}, refunds ${succeeded}`);
      for (const item of items.filter((i) => i.orderId === order.id))
        taken.set(item.sku, (taken.get(item.sku) ?? 0) + item.quantity);
    } else {
      if (effects !== 0 || paidEvents !== 0) problems.push(`${label}: side effects of paid without being paid`);
      if (paidAttempts.length > 0 && !order.needsReview) problems.push(`${label}: a paid attempt and no review flag`);
    }

    for (const attempt of attemptsOf.get(order.id) ?? []) {
      const held = gatewayByOutTradeNo.get(attempt.outTradeNo);
      if (attempt.state === "paid" && held?.state !== "paid")
        problems.push(
          `${label}: attempt ${attempt.outTradeNo} paid, but the gateway holds it as ${held?.state ?? "nothing"}`,
        );
      if (held?.state === "paid" && attempt.state !== "paid" && !order.needsReview) {
        problems.push(`${label}: the gateway holds ${attempt.outTradeNo} as paid, the shop as ${attempt.state}`);
      }
      // Settled, an attempt may stay open only while QFPay itself still holds it open (it closes at expiry).
      const openAtGateway = held?.state === "pending";
      if (options.settled && (attempt.state === "created" || attempt.state === "unknown") && !openAtGateway) {
        problems.push(
          `${label}: attempt ${attempt.outTradeNo} still ${attempt.state}, the gateway holds ${held?.state ?? "nothing"}`,
        );
      }
    }
    for (const refund of refundsOf.get(order.id) ?? []) {
      const held = gatewayByOutTradeNo.get(refund.outTradeNo);
      if (refund.state === "succeeded" && !held)
        problems.push(`${label}: refund ${refund.outTradeNo} succeeded, but the gateway holds none`);
      if (held && refund.state === "failed")
        problems.push(`${label}: refund ${refund.outTradeNo} failed, but the gateway made it`);
      if (options.settled && (refund.state === "created" || refund.state === "unknown"))
        problems.push(`${label}: refund ${refund.outTradeNo} still ${refund.state}`);
    }
  }

  for (const product of PRODUCTS) {
    const row = stock.find((s) => s.sku === product.sku);
    const expected = (options.stockedTo ?? product.initialStock) - (taken.get(product.sku) ?? 0);
    if (row?.stock !== expected) problems.push(`stock of ${product.sku}: ${row?.stock}, expected ${expected}`);
    // Checkout holds goods while they can be paid for: a paid order never finds them gone.
    if (row && row.stock < 0) problems.push(`stock of ${product.sku} went below zero: ${row.stock}`);
  }

  return {
    orders: allOrders.length,
    paidOrders: allOrders.filter((o) => PAID_STATES.has(o.state)).length,
    attempts: attempts.length,
    gatewayPayments: gateway.filter((tx) => tx.orderType === "payment").length,
    problems,
  };
}
