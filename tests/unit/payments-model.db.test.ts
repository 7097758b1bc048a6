import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { asc, count, inArray, or } from "drizzle-orm";
import { inventory } from "@/lib/db/schema/inventory";
import { orderEvents, orders, type OrderState } from "@/lib/db/schema/orders";
import { paymentAttempts, refunds, type AttemptState } from "@/lib/db/schema/payments";
import { sandboxTransactions } from "@/lib/db/schema/sandbox";
import { priceCart } from "@/lib/catalog/price-cart";
import { DEFAULT_TIMEOUT_MS } from "@/lib/qfpay/client";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { payTypeFor, type Device, type Wallet } from "@/lib/qfpay/pay-types";
import { inRefundBlackout } from "@/lib/qfpay/refund-window";
import { newOutTradeNo } from "@/lib/payments/ids";
import { readOrderStatus } from "@/lib/payments/order-status";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { reconcile } from "@/lib/payments/reconcile";
import { refundOrder, type RefundResult } from "@/lib/payments/refund-payment";
import type { RefundProblem } from "@/lib/payments/refund-problem";
import { retryPayment } from "@/lib/payments/retry-payment";
import { startPayment } from "@/lib/payments/start-payment";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { startShop, type ShopHarness } from "../support/shop-harness";

/*
 * A model-based test of the payments core. fast-check generates sequences of what the outside world does
 * to a small pool of orders (checkout, the cashier paying / declining / letting a payment expire,
 * QFPay's notifications duplicated, concurrent and out of order, queries, the status page, retries
 * with the other wallet, refunds from the admin and from QFPay's portal, the shop's clock running past
 * expiry, reconciliation). A plain model of the documented behaviour (docs/architecture.md) predicts
 * every order, attempt and refund; after each command the real database is compared with it, and
 * checked against invariants that hold whatever the model says: refunds never exceed the payment they
 * are taken from, expired and failed orders stay so, paid side effects happen exactly once, nothing is paid
 * without QFPay holding the payment, and the event log tells the same story as the tables.
 *
 * The sandbox's own notification deliveries are held back (a long `delay` fault), so notifications
 * reach the shop only when a command posts them; where requests race (bursts, double submits), the
 * model predicts only what the documented behaviour makes independent of who wins. On PostgreSQL the
 * races also exercise the row locks (two deadlocks were found this way). fast-check prints the seed and
 * the shrunk command list on failure; MODEL_SEED replays it, MODEL_RUNS widens the search.
 */

const NUM_RUNS = Number(process.env.MODEL_RUNS ?? 100);
const MAX_COMMANDS = 40;
const SEED = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
const POOL = 3;
/** Past an attempt's 30 minutes plus reconciliation's 2 minutes of grace, and past the stale-order cutoff. */
const CLOCK_STEP_MS = 33 * 60_000;
const MAX_CLOCK_STEPS = 2;
/** Prices 128.00, 68.00 and 680.00 HKD; the teapot's stock of 6 runs out over a file, so overselling happens too. */
const SKUS = ["TEA-JAS-50", "TEA-HKM-TIN", "WARE-YIX-200"] as const;

let shop: ShopHarness;
/** How far the shop's clock runs ahead of the gateway's (which stays on real time). */
let shopClockAhead = 0;
const shopNow = () => new Date(Date.now() + shopClockAhead);

beforeAll(async () => {
  // The production client's own timeout, not the harness's 2 s (meant for its fault tests): this file makes
  // thousands of gateway calls and scripts no transport fault, so a slow, busy machine must not turn an
  // answer into an "unknown" outcome the model did not ask for.
  shop = await startShop({ now: shopNow, gatewayTimeoutMs: DEFAULT_TIMEOUT_MS });
});
afterAll(async () => {
  await shop?.close();
});

// ---------------------------------------------------------------------------------------------------
// The specification, as docs/architecture.md states it.

const PAID_FAMILY: readonly OrderState[] = ["paid", "partially_refunded", "refunded"];
/**
 * Order: awaiting_payment → paid, expired or failed; within the paid family the state follows the money
 * its payments still hold, so refunds lower it and a payment confirmed late raises it again.
 */
const ORDER_MOVES: Record<OrderState, readonly OrderState[]> = {
  awaiting_payment: ["paid", "expired", "failed"],
  paid: ["partially_refunded", "refunded"],
  partially_refunded: ["paid", "partially_refunded", "refunded"],
  refunded: ["paid", "partially_refunded"],
  expired: [],
  failed: [],
};
/** Attempt: created → awaiting_payment → paid | failed | expired, unknown while resolved; QFPay may still take the money of any that is not paid. */
const ATTEMPT_MOVES: Record<AttemptState, readonly AttemptState[]> = {
  created: ["awaiting_payment", "unknown", "paid", "failed", "expired", "superseded"],
  unknown: ["awaiting_payment", "paid", "failed", "expired", "superseded"],
  awaiting_payment: ["paid", "failed", "expired", "superseded"],
  superseded: ["paid"],
  paid: [],
  failed: ["paid"],
  expired: ["paid"],
};
const REFUND_MOVES: Record<string, readonly string[]> = {
  created: ["unknown", "succeeded", "failed"],
  unknown: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
};
const OPEN: readonly AttemptState[] = ["created", "unknown", "awaiting_payment"];
const STATUS_TEXT: Record<OrderState, string> = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  expired: "Expired",
  failed: "Payment failed",
};
// QFPay's refusals as the shop stores them: its words, shown to the admin after "QFPay refused the refund".
const R1125 = "This payment has been refunded in full already.";
const R1265 = "QFPay does not process refunds between 23:30 and 00:30 (Hong Kong time). Try again after 00:30.";
const R1272 = "That is more than what can still be refunded.";
const gatewayRefused = (reason: string): RefundProblem => ({ code: "gatewayRefused", provider: "QFPay", reason });
const no = (problem: RefundProblem): Answer => ({ ok: false, problem });

function reachable(from: OrderState, to: OrderState): boolean {
  const seen = new Set<OrderState>([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const next of ORDER_MOVES[queue.shift()!]) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return from === to;
}

// ---------------------------------------------------------------------------------------------------
// The model: what the gateway holds, and what the shop should make of it.

type GatewayState = "open" | "paid" | "declined" | "expired";
interface MAttempt {
  id: number;
  outTradeNo: string;
  txdtm: string;
  syssn: string;
  wallet: Wallet;
  payType: string;
  amount: number;
  state: AttemptState;
  gateway: GatewayState;
  gatewayRefunded: number;
  expiresAt: number;
  /** The notification QFPay would have sent when it was paid (before any refund changed `cancel`). */
  firstBody?: string;
}
interface MRefund {
  origin: "shop" | "portal";
  attemptId: number;
  amount: number;
  outTradeNo: string;
  /** A portal refund is `unrecorded` until the shop hears of it. */
  state: "succeeded" | "failed" | "unrecorded";
  atGateway: boolean;
  syssn?: string;
  id?: number;
}
type Answer = { ok: true; refundId: number } | { ok: false; problem: RefundProblem };
interface MOrder {
  id: string;
  lines: { sku: string; qty: number }[];
  total: number;
  state: OrderState;
  needsReview: boolean;
  refundedTotal: number;
  attempts: MAttempt[];
  refunds: MRefund[];
  /** The order states the database has shown, in order. */
  observed: OrderState[];
  /** The request key of the last refund the admin made for it. */
  lastKey?: string;
}
interface Model {
  orders: MOrder[];
  stock: Record<string, number>;
  startStock: Record<string, number>;
  clockSteps: number;
  /** Refund request keys that made a refund row, with the first answer. */
  keys: Map<string, { orderId: string; answer: Answer }>;
  log: string[];
}

const latest = (o: MOrder) => o.attempts[o.attempts.length - 1]!;
const isOpen = (a: MAttempt) => OPEN.includes(a.state);
const flag = (o: MOrder) => {
  o.needsReview = true;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const pickFromEnd = <T>(items: readonly T[], n: number): T => items[items.length - 1 - (n % items.length)]!;
const orderAt = (m: Readonly<Model>, n: number): MOrder | undefined =>
  m.orders.length === 0 ? undefined : m.orders[n % m.orders.length];

function moveOrder(o: MOrder, to: OrderState): boolean {
  if (!ORDER_MOVES[o.state].includes(to)) return false;
  o.state = to;
  return true;
}

const succeededOn = (o: MOrder, a: MAttempt) =>
  sum(o.refunds.filter((r) => r.attemptId === a.id && r.state === "succeeded").map((r) => r.amount));
/** What the shop holds for an order: each paid attempt less the refunds QFPay confirmed on it. */
const capturedOf = (o: MOrder) =>
  sum(o.attempts.filter((a) => a.state === "paid").map((a) => a.amount - succeededOn(o, a)));

/** The money QFPay confirmed going back, counted once; a paid order's state follows what is still held. */
function applyRefundTotals(o: MOrder): void {
  const refunded = sum(o.refunds.filter((r) => r.state === "succeeded").map((r) => r.amount));
  if (!PAID_FAMILY.includes(o.state)) {
    // Held until the payment itself is confirmed.
    o.refundedTotal = refunded;
    return;
  }
  const captured = capturedOf(o);
  const target: OrderState = captured >= o.total ? "paid" : captured <= 0 ? "refunded" : "partially_refunded";
  if (target === o.state && refunded === o.refundedTotal) return;
  if (refunded !== o.refundedTotal && o.attempts.some((a) => a.state === "paid" && succeededOn(o, a) > a.amount))
    flag(o);
  if (target !== o.state) moveOrder(o, target);
  o.refundedTotal = refunded;
}

/** QFPay says this attempt is paid (genuine amount and currency: the sandbox never lies). */
function applyPaid(m: Model, o: MOrder, a: MAttempt): void {
  if (a.state === "paid") return;
  // QFPay's word wins, whatever the shop had made of the attempt.
  a.state = "paid";
  if (o.state !== "awaiting_payment") {
    // Paid twice, or after the order expired or failed: flagged for the merchant; a paid order's state follows its money.
    flag(o);
    if (PAID_FAMILY.includes(o.state)) applyRefundTotals(o);
    return;
  }
  moveOrder(o, "paid");
  let oversold = false;
  for (const line of o.lines) {
    m.stock[line.sku] = m.stock[line.sku]! - line.qty;
    if (m.stock[line.sku]! < 0) oversold = true;
  }
  if (oversold) flag(o);
  applyRefundTotals(o);
}

/** What a query of this attempt teaches the shop. */
function learn(m: Model, o: MOrder, a: MAttempt): void {
  switch (a.gateway) {
    case "paid":
      return applyPaid(m, o, a);
    case "open":
      return;
    case "declined":
      if (isOpen(a)) a.state = "failed";
      return;
    case "expired":
      if (isOpen(a)) {
        a.state = "expired";
        if (a === latest(o)) moveOrder(o, "expired");
      }
      return;
  }
}

/** A notification that QFPay would send: the payment of an attempt, or a refund, as it stands now or as first sent. */
type Deliverable = { kind: "payment"; attempt: MAttempt; first: boolean } | { kind: "refund"; refund: MRefund };

function deliverables(o: MOrder): Deliverable[] {
  const list: Deliverable[] = [];
  for (const attempt of o.attempts.filter((a) => a.gateway === "paid")) {
    list.push({ kind: "payment", attempt, first: true }, { kind: "payment", attempt, first: false });
  }
  for (const refund of o.refunds.filter((r) => r.atGateway)) list.push({ kind: "refund", refund });
  return list;
}

function applyDelivery(m: Model, o: MOrder, d: Deliverable): void {
  if (d.kind === "payment") {
    applyPaid(m, o, d.attempt);
    return;
  }
  const r = d.refund;
  if (r.state !== "unrecorded") return;
  // A refund started in QFPay's portal: counted once; its payment is confirmed by a query if not yet seen.
  r.state = "succeeded";
  applyRefundTotals(o);
  const a = o.attempts.find((x) => x.id === r.attemptId)!;
  if (a.state !== "paid") learn(m, o, a);
}

// ---------------------------------------------------------------------------------------------------
// Talking to the real shop.

async function post(body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(shop.notifyUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-QF-SIGN": signNotificationBody(body, SANDBOX_CLIENT_KEY) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function currentBody(syssn: string): Promise<string> {
  const found = await shop.gateway.inspect({ syssn });
  if (!found) throw new Error(`the sandbox lost ${syssn}`);
  return notificationBody(found.transaction);
}

async function bodyOf(d: Deliverable): Promise<string> {
  if (d.kind === "refund") return currentBody(d.refund.syssn!);
  return d.first ? d.attempt.firstBody! : currentBody(d.attempt.syssn);
}

function describeDeliverable(o: MOrder, d: Deliverable): string {
  if (d.kind === "refund") return `refund ${d.refund.origin} ${d.refund.amount}`;
  return `payment of attempt #${o.attempts.indexOf(d.attempt)} (${d.first ? "first body" : "current body"})`;
}

function answerOf(result: RefundResult): Answer {
  return result.ok ? { ok: true, refundId: result.refund.id } : { ok: false, problem: result.problem };
}

// ---------------------------------------------------------------------------------------------------
// Checking the database against the model and the invariants.

async function checkAll(m: Model, when: string): Promise<void> {
  const db = shop.database.db;
  const ids = m.orders.map((o) => o.id);
  const stockRows = await db
    .select()
    .from(inventory)
    .where(inArray(inventory.sku, [...SKUS]));
  const stockNow = Object.fromEntries(stockRows.map((row) => [row.sku, row.stock]));
  const ctx = (detail: string) => `${when}: ${detail}\n  commands so far:\n    ${m.log.join("\n    ")}`;

  // 3. Stock moved by exactly the paid orders' items, once each.
  for (const sku of SKUS) expect(stockNow[sku], ctx(`stock of ${sku}`)).toBe(m.stock[sku]);
  if (ids.length === 0) return;

  const [orderRows, attemptRows, refundRows, eventRows] = await Promise.all([
    db.select().from(orders).where(inArray(orders.id, ids)),
    db.select().from(paymentAttempts).where(inArray(paymentAttempts.orderId, ids)).orderBy(asc(paymentAttempts.id)),
    db.select().from(refunds).where(inArray(refunds.orderId, ids)).orderBy(asc(refunds.id)),
    db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).orderBy(asc(orderEvents.id)),
  ]);
  const syssns = attemptRows.map((a) => a.syssn).filter((s): s is string => s !== null);
  const gatewayRows =
    syssns.length === 0
      ? []
      : await db
          .select()
          .from(sandboxTransactions)
          .where(or(inArray(sandboxTransactions.syssn, syssns), inArray(sandboxTransactions.origSyssn, syssns)));
  const gatewayPayment = (outTradeNo: string) =>
    gatewayRows.find((g) => g.orderType === "payment" && g.outTradeNo === outTradeNo);

  const soldInRun: Record<string, number> = Object.fromEntries(SKUS.map((sku) => [sku, 0]));
  m.orders.forEach((o, index) => {
    const label = `order #${index}`;
    const row = orderRows.find((r) => r.id === o.id)!;
    const attempts = attemptRows.filter((a) => a.orderId === o.id);
    const orderRefunds = refundRows.filter((r) => r.orderId === o.id);
    const events = eventRows.filter((e) => e.orderId === o.id);
    const count = (type: string) => events.filter((e) => e.type === type).length;

    // The model's prediction.
    expect(
      { state: row.state, needsReview: row.needsReview, refundedTotal: row.refundedTotal },
      ctx(`${label} (${row.reviewReason ?? "no review reason"})`),
    ).toEqual({
      state: o.state,
      needsReview: o.needsReview,
      refundedTotal: o.refundedTotal,
    });
    expect(
      attempts.map((a) => [a.id, a.state]),
      ctx(`${label} attempts`),
    ).toEqual(o.attempts.map((a) => [a.id, a.state]));
    const byNumber = (a: [string, number, string], b: [string, number, string]) => a[0].localeCompare(b[0]);
    const expectedRefunds = o.refunds
      .filter((r) => r.state !== "unrecorded")
      .map((r): [string, number, string] => [r.outTradeNo, r.amount, r.state]);
    const actualRefunds = orderRefunds.map((r): [string, number, string] => [r.outTradeNo, r.amount, r.state]);
    expect(actualRefunds.sort(byNumber), ctx(`${label} refunds`)).toEqual(expectedRefunds.sort(byNumber));

    // 2. The states the order has been seen in follow the state machine; terminal ones are left only by refunds.
    const previous = o.observed[o.observed.length - 1]!;
    if (row.state !== previous) {
      expect(reachable(previous, row.state), ctx(`${label} moved ${previous} → ${row.state}`)).toBe(true);
      o.observed.push(row.state);
    }
    const everPaid = o.observed.some((s) => PAID_FAMILY.includes(s));

    // 1. Refunds never exceed what was paid; what was paid is the order's total.
    const succeeded = orderRefunds.filter((r) => r.state === "succeeded");
    expect(row.refundedTotal, ctx(`${label} refunded total`)).toBe(sum(succeeded.map((r) => r.amount)));
    for (const attempt of attempts) {
      const shopStarted = orderRefunds.filter(
        (r) => r.attemptId === attempt.id && r.requestKey !== null && r.state !== "failed",
      );
      expect(
        sum(shopStarted.map((r) => r.amount)),
        ctx(`${label} refunds the shop started on attempt ${attempt.id}`),
      ).toBeLessThanOrEqual(attempt.amount);
    }
    let paidAtGateway = 0;
    for (const attempt of attempts) {
      const gateway = gatewayPayment(attempt.outTradeNo);
      if (gateway?.respcd === "0000") paidAtGateway += gateway.txamt;
      const onAttempt = succeeded.filter((r) => r.attemptId === attempt.id);
      if (onAttempt.length === 0) continue;
      expect(gateway?.respcd, ctx(`${label} refunds of an attempt QFPay holds no payment for`)).toBe("0000");
      expect(sum(onAttempt.map((r) => r.amount)), ctx(`${label} refunds of one attempt`)).toBeLessThanOrEqual(
        Math.min(attempt.amount, gateway!.refundedAmount),
      );
    }
    for (const refund of succeeded) {
      const gateway = gatewayRows.find((g) => g.orderType === "refund" && g.outTradeNo === refund.outTradeNo);
      expect(gateway && [gateway.txamt, gateway.respcd], ctx(`${label} refund ${refund.outTradeNo} at QFPay`)).toEqual([
        refund.amount,
        "0000",
      ]);
    }
    expect(row.refundedTotal, ctx(`${label} refunded more than was paid`)).toBeLessThanOrEqual(paidAtGateway);
    const paidAttempts = attempts.filter((a) => a.state === "paid");
    if (PAID_FAMILY.includes(row.state)) {
      expect(paidAttempts.length, ctx(`${label} is ${row.state} without a paid attempt`)).toBeGreaterThan(0);
      expect(row.paidAt, ctx(`${label} paid_at`)).not.toBeNull();
    }

    // 4. Nothing is paid unless QFPay holds that very payment.
    for (const attempt of paidAttempts) {
      const gateway = gatewayPayment(attempt.outTradeNo);
      expect(
        gateway && [gateway.respcd, gateway.syssn, gateway.txamt, gateway.txcurrcd],
        ctx(`${label} paid attempt ${attempt.id} at QFPay`),
      ).toEqual(["0000", attempt.syssn, attempt.amount, attempt.currency]);
      expect(attempt.amount, ctx(`${label} paid amount`)).toBe(row.total);
    }
    for (const event of events.filter((e) => e.type === "attempt.paid")) {
      const attempt = attempts.find((a) => a.id === event.attemptId)!;
      expect(gatewayPayment(attempt.outTradeNo)?.respcd, ctx(`${label} ${event.type} without a payment at QFPay`)).toBe(
        "0000",
      );
    }

    // 3. The paid side effects, once for a paid order and never otherwise.
    // A refunded order that takes a late payment moves back to paid: only the move out of awaiting_payment is the sale.
    const sales = events.filter((e) => e.type === "order.paid" && e.fromState === "awaiting_payment");
    expect([sales.length, count("order.paid_effects")], ctx(`${label} paid events`)).toEqual(
      everPaid ? [1, 1] : [0, 0],
    );
    if (everPaid) for (const line of o.lines) soldInRun[line.sku]! += line.qty;

    // 5. The append-only log tells the same story as the tables.
    const orderMoves = events.filter((e) => e.type.startsWith("order.") && e.toState !== null);
    expect(orderMoves[0] && [orderMoves[0].type, orderMoves[0].toState], ctx(`${label} first event`)).toEqual([
      "order.created",
      "awaiting_payment",
    ]);
    for (let i = 1; i < orderMoves.length; i++) {
      const [before, move] = [orderMoves[i - 1]!, orderMoves[i]!];
      expect(move.fromState, ctx(`${label} event ${move.type} follows ${before.toState}`)).toBe(before.toState);
      expect(
        ORDER_MOVES[move.fromState as OrderState]?.includes(move.toState as OrderState),
        ctx(`${label} logged move ${move.fromState} → ${move.toState}`),
      ).toBe(true);
      expect(move.type, ctx(`${label} event type`)).toBe(`order.${move.toState}`);
    }
    expect(orderMoves[orderMoves.length - 1]!.toState, ctx(`${label} log ends where the order is`)).toBe(row.state);
    const paidEvent = sales[0];
    const effects = events.find((e) => e.type === "order.paid_effects");
    if (paidEvent) {
      expect(effects!.id, ctx(`${label} effects after order.paid`)).toBeGreaterThan(paidEvent.id);
      expect(
        attempts.find((a) => a.id === paidEvent.attemptId)?.state,
        ctx(`${label} order.paid names a paid attempt`),
      ).toBe("paid");
    }
    for (const attempt of attempts) {
      const moves = events.filter(
        (e) => e.attemptId === attempt.id && e.type.startsWith("attempt.") && e.toState !== null,
      );
      expect(moves[0]?.toState, ctx(`${label} attempt ${attempt.id} created`)).toBe("created");
      for (let i = 1; i < moves.length; i++) {
        const [before, move] = [moves[i - 1]!, moves[i]!];
        expect(move.fromState, ctx(`${label} attempt ${attempt.id} log chain`)).toBe(before.toState);
        expect(
          ATTEMPT_MOVES[move.fromState as AttemptState]?.includes(move.toState as AttemptState),
          ctx(`${label} attempt move ${move.fromState} → ${move.toState}`),
        ).toBe(true);
      }
      expect(moves[moves.length - 1]!.toState, ctx(`${label} attempt ${attempt.id} log ends where it is`)).toBe(
        attempt.state,
      );
    }
    for (const refund of orderRefunds) {
      const moves = events.filter((e) => e.refundId === refund.id && e.type.startsWith("refund."));
      expect(moves.length, ctx(`${label} refund ${refund.id} logged`)).toBeGreaterThan(0);
      for (let i = 1; i < moves.length; i++) {
        const [before, move] = [moves[i - 1]!, moves[i]!];
        expect(move.fromState, ctx(`${label} refund ${refund.id} log chain`)).toBe(before.toState);
        expect(
          REFUND_MOVES[move.fromState!]?.includes(move.toState!),
          ctx(`${label} refund move ${move.fromState} → ${move.toState}`),
        ).toBe(true);
      }
      expect(moves[moves.length - 1]!.toState, ctx(`${label} refund ${refund.id} log ends where it is`)).toBe(
        refund.state,
      );
    }
    expect(count("order.needs_review") > 0, ctx(`${label} needs_review flag and its events`)).toBe(row.needsReview);
    if (paidAttempts.length > 1) expect(row.needsReview, ctx(`${label} paid twice but not flagged`)).toBe(true);
  });

  // 3. The run's stock moved by the paid orders' items, exactly once each.
  for (const sku of SKUS)
    expect(stockNow[sku]! - m.startStock[sku]!, ctx(`stock taken for ${sku}`)).toBe(0 - soldInRun[sku]!);
}

// ---------------------------------------------------------------------------------------------------
// The commands.

type Cmd = fc.AsyncCommand<Model, ShopHarness>;
/** How many of each command ran over the file: a sequence whose checks all fail tests nothing. */
const executed = new Map<string, number>();

function command<P>(
  name: string,
  params: P,
  check: (m: Readonly<Model>, p: P) => boolean,
  run: (m: Model, p: P) => Promise<void>,
): Cmd {
  const text = `${name} ${JSON.stringify(params)}`;
  return {
    check: (m) => check(m, params),
    async run(m) {
      m.log.push(text);
      executed.set(name, (executed.get(name) ?? 0) + 1);
      await run(m, params);
      await shop.settle();
      await checkAll(m, text);
    },
    toString: () => text,
  };
}

const hasOrder = (m: Readonly<Model>) => m.orders.length > 0;
const orderRef = fc.nat({ max: POOL - 1 });
const fromEnd = fc.nat({ max: 2 });

const checkoutParams = fc.record({
  wallet: fc.constantFrom<Wallet>("alipayhk", "alipay"),
  device: fc.constantFrom<Device>("desktop", "mobile"),
  lines: fc.uniqueArray(fc.record({ sku: fc.constantFrom(...SKUS), qty: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 2,
    selector: (line) => line.sku,
  }),
});
type CheckoutParams = typeof checkoutParams extends fc.Arbitrary<infer P> ? P : never;

async function checkout(m: Model, p: CheckoutParams): Promise<void> {
  const priced = priceCart(p.lines);
  if (!priced.ok) throw new Error(JSON.stringify(priced.problem));
  const result = await startPayment(shop.ctx, {
    sessionId: "model",
    email: "model@example.com",
    items: priced.items,
    wallet: p.wallet,
    device: p.device,
  });
  if (!result.ok) throw new Error(`checkout refused: ${JSON.stringify(result.problem)}`);
  const { attempt } = result;
  expect(attempt).toMatchObject({
    state: "awaiting_payment",
    payType: payTypeFor(p.wallet, p.device),
    amount: priced.total,
  });
  m.orders.push({
    id: result.orderId,
    lines: p.lines,
    total: priced.total,
    state: "awaiting_payment",
    needsReview: false,
    refundedTotal: 0,
    attempts: [
      {
        id: attempt.id,
        outTradeNo: attempt.outTradeNo,
        txdtm: attempt.txdtm,
        syssn: attempt.syssn!,
        wallet: p.wallet,
        payType: attempt.payType,
        amount: attempt.amount,
        state: "awaiting_payment",
        gateway: "open",
        gatewayRefunded: 0,
        expiresAt: attempt.expiresAt.getTime(),
      },
    ],
    refunds: [],
    observed: ["awaiting_payment"],
  });
}

const checkoutCmd = checkoutParams.map((p) => command("checkout", p, (m) => m.orders.length < POOL, checkout));

/** The simulated Alipay cashier: the shopper pays, declines, or lets the payment run out (QFPay closes it). */
const cashierCmd = fc
  .record({ action: fc.constantFrom("pay", "pay", "pay", "decline", "expire"), order: orderRef, attempt: fromEnd })
  .map((p) =>
    command("cashier", p, hasOrder, async (m) => {
      const o = orderAt(m, p.order)!;
      const a = pickFromEnd(o.attempts, p.attempt);
      const answer = await shop.control({ action: p.action, syssn: a.syssn });
      expect(answer.status, `the cashier's ${p.action} on a ${a.gateway} payment`).toBe(
        a.gateway === "open" ? 200 : 409,
      );
      if (a.gateway !== "open") return;
      a.gateway = p.action === "pay" ? "paid" : p.action === "decline" ? "declined" : "expired";
      if (a.gateway === "paid") a.firstBody = await currentBody(a.syssn);
    }),
  );

/** One notification QFPay sent, posted several times, one after another or all at once. */
const notifyCmd = fc
  .record({
    order: orderRef,
    which: fc.nat({ max: 7 }),
    copies: fc.integer({ min: 1, max: 4 }),
    concurrent: fc.boolean(),
  })
  .map((p) =>
    command(
      "notify",
      p,
      (m) => hasOrder(m) && deliverables(orderAt(m, p.order)!).length > 0,
      async (m) => {
        const o = orderAt(m, p.order)!;
        const list = deliverables(o);
        const d = list[p.which % list.length]!;
        m.log[m.log.length - 1] += ` → ${describeDeliverable(o, d)}`;
        const body = await bodyOf(d);
        const answers: { status: number; text: string }[] = [];
        if (p.concurrent) answers.push(...(await Promise.all(Array.from({ length: p.copies }, () => post(body)))));
        else for (let i = 0; i < p.copies; i++) answers.push(await post(body));
        for (const answer of answers) expect(answer).toEqual({ status: 200, text: "SUCCESS" });
        applyDelivery(m, o, d);
      },
    ),
  );

/** Several of an order's notifications (payments first sent and resent, refunds) arriving at once, in any order. */
const burstCmd = fc
  .record({ order: orderRef, picks: fc.array(fc.nat({ max: 7 }), { minLength: 2, maxLength: 5 }) })
  .map((p) =>
    command(
      "burst",
      p,
      (m) => hasOrder(m) && deliverables(orderAt(m, p.order)!).length > 0,
      async (m) => {
        const o = orderAt(m, p.order)!;
        const list = deliverables(o);
        const chosen = p.picks.map((n) => list[n % list.length]!);
        m.log[m.log.length - 1] += ` → ${chosen.map((d) => describeDeliverable(o, d)).join(", ")}`;
        const bodies = await Promise.all(chosen.map(bodyOf));
        const answers = await Promise.all(bodies.map(post));
        for (const answer of answers) expect(answer).toEqual({ status: 200, text: "SUCCESS" });
        // The documented outcome does not depend on the order of arrival.
        for (const d of chosen) applyDelivery(m, o, d);
      },
    ),
  );

const queryCmd = fc.record({ order: orderRef, attempt: fromEnd }).map((p) =>
  command("query", p, hasOrder, async (m) => {
    const o = orderAt(m, p.order)!;
    const a = pickFromEnd(o.attempts, p.attempt);
    expect(await queryAttempt(shop.ctx, a, "model")).toBe("settled");
    learn(m, o, a);
  }),
);

/** The order page: asks QFPay about a pending attempt, then shows what the database knows. */
const statusCmd = fc.record({ order: orderRef }).map((p) =>
  command("status", p, hasOrder, async (m) => {
    const o = orderAt(m, p.order)!;
    const view = await readOrderStatus(shop.ctx, o.id);
    const live = latest(o);
    if (isOpen(live)) learn(m, o, live);
    const text =
      o.state === "awaiting_payment" && latest(o).state === "failed" ? STATUS_TEXT.failed : STATUS_TEXT[o.state];
    expect({ state: view?.order.state, text: view?.statusText, final: view?.final }).toEqual({
      state: o.state,
      text,
      final: o.state !== "awaiting_payment" || !isOpen(latest(o)),
    });
  }),
);

/** Another try, with the other wallet (or the same), on either device. */
const retryCmd = fc
  .record({ order: orderRef, otherWallet: fc.boolean(), device: fc.constantFrom<Device>("desktop", "mobile") })
  .map((p) =>
    command("retry", p, hasOrder, async (m) => {
      const o = orderAt(m, p.order)!;
      const live = latest(o);
      const wallet: Wallet = p.otherWallet ? (live.wallet === "alipay" ? "alipayhk" : "alipay") : live.wallet;
      const result = await retryPayment(shop.ctx, o.id, wallet, p.device);
      if (isOpen(live)) learn(m, o, live);
      if (o.state !== "awaiting_payment") {
        expect(result).toEqual({ ok: false, problem: { code: "orderClosed" } });
        return;
      }
      if (!result.ok) throw new Error(`retry refused: ${JSON.stringify(result.problem)}`);
      const payType = payTypeFor(wallet, p.device);
      if (live.state === "awaiting_payment" && live.payType === payType && live.expiresAt > shopNow().getTime()) {
        expect(result.attempt.id, "a payable attempt of the same pay type is reused").toBe(live.id);
        return;
      }
      expect(result.attempt.id).toBeGreaterThan(live.id);
      expect(result.attempt).toMatchObject({ state: "awaiting_payment", payType, amount: o.total });
      if (isOpen(live)) live.state = "superseded";
      const a = result.attempt;
      o.attempts.push({
        id: a.id,
        outTradeNo: a.outTradeNo,
        txdtm: a.txdtm,
        syssn: a.syssn!,
        wallet,
        payType: a.payType,
        amount: a.amount,
        state: "awaiting_payment",
        gateway: "open",
        gatewayRefunded: 0,
        expiresAt: a.expiresAt.getTime(),
      });
    }),
  );

/** What the admin's refund of this payment should answer. */
function expectRefund(
  m: Model,
  o: MOrder,
  paid: MAttempt | undefined,
  amount: number,
  key: string,
): Answer | "created" {
  if (!Number.isSafeInteger(amount) || amount <= 0) return no({ code: "enterAmount" });
  if (inRefundBlackout(shopNow())) return no({ code: "refundPause", provider: "QFPay", from: "23:30", until: "00:30" });
  const prior = m.keys.get(key);
  if (prior) return prior.orderId === o.id ? prior.answer : no({ code: "reload" });
  if (!paid) return no({ code: "notPaid" });
  // Each payment has its own balance: refunds of an extra payment leave the other one whole.
  const left = paid.amount - succeededOn(o, paid);
  if (left <= 0) return no({ code: "refundedInFull" });
  if (amount > left) return no({ code: "atMost", max: left, currency: "HKD" });
  return "created";
}

/** The gateway's answer to a refund of `amount` of this attempt. */
function gatewayRefundAnswer(a: MAttempt, amount: number): "accepted" | string {
  if (inRefundBlackout(new Date())) return "1265";
  const left = a.amount - a.gatewayRefunded;
  if (a.gateway !== "paid") return "1261";
  if (left === 0) return "1125";
  if (amount > left) return "1272";
  return "accepted";
}

const REFUND_ERRORS: Record<string, RefundProblem> = {
  "1265": gatewayRefused(R1265),
  "1125": gatewayRefused(R1125),
  "1272": gatewayRefused(R1272),
};

const amountKind = fc.constantFrom("left", "partial", "over", "total", "one");
function amountFor(kind: string, left: number, total: number, percent: number): number {
  switch (kind) {
    case "left":
      return left;
    case "partial":
      return Math.max(1, Math.floor((left * percent) / 100));
    case "over":
      return left + 1 + Math.floor((total * percent) / 100);
    case "total":
      return total;
    default:
      return 1;
  }
}

/**
 * The admin refunds: any amount (over-refunds must be refused), a repeated form key, or a double submit;
 * racing, if asked, QFPay resending the notifications of payments the shop has already applied (whose
 * outcome does not depend on which arrives first).
 */
const refundCmd = fc
  .record({
    order: orderRef,
    payment: fromEnd,
    amount: amountKind,
    percent: fc.integer({ min: 1, max: 99 }),
    key: fc.constantFrom("fresh", "fresh", "repeat", "double"),
    race: fc.boolean(),
  })
  .map((p) =>
    command("refund", p, hasOrder, async (m) => {
      const o = orderAt(m, p.order)!;
      // The admin picks one of the order's payments, as the form offers them (none when it was never paid).
      const payments = o.attempts.filter((a) => a.state === "paid");
      const paid = payments.length > 0 ? pickFromEnd(payments, p.payment) : undefined;
      const amount = amountFor(p.amount, paid ? paid.amount - succeededOn(o, paid) : o.total, o.total, p.percent);
      // A repeat resubmits the form of the last refund that was made (a refused one made nothing to find).
      const key = p.key === "repeat" && o.lastKey ? o.lastKey : randomUUID();
      const expected = expectRefund(m, o, paid, amount, key);
      const applied = p.race ? o.attempts.filter((a) => a.state === "paid" && a.gateway === "paid") : [];
      const replays = (await Promise.all(applied.map(async (a) => [a.firstBody!, await currentBody(a.syssn)]))).flat();
      const [results, answers] = await Promise.all([
        Promise.all(
          Array.from({ length: p.key === "double" ? 2 : 1 }, () =>
            refundOrder(shop.ctx, { orderId: o.id, attemptId: paid?.id, amount, requestKey: key, by: "model" }),
          ),
        ),
        Promise.all(replays.map(post)),
      ]);
      for (const answer of answers)
        expect(answer, "a resent payment notification during a refund").toEqual({ status: 200, text: "SUCCESS" });
      m.log[m.log.length - 1] +=
        ` → ${amount}: ${results.map((r) => (r.ok ? `ok ${r.refund.state}` : JSON.stringify(r.problem))).join(" / ")}${replays.length > 0 ? ` (raced ${replays.length} notifications)` : ""}`;
      if (expected !== "created") {
        for (const result of results)
          expect(answerOf(result), `refund answer after:\n    ${m.log.join("\n    ")}`).toEqual(expected);
        return;
      }
      if (!paid) throw new Error("a refund was made for an order with no payment");
      const gateway = gatewayRefundAnswer(paid, amount);
      const made = await shop.database.db
        .select()
        .from(refunds)
        .where(inArray(refunds.orderId, [o.id]));
      const rows = made.filter((r) => r.requestKey === key);
      expect(rows.length, "one refund row for one request key").toBe(1);
      const row = rows[0]!;
      const answer: Answer = gateway === "accepted" ? { ok: true, refundId: row.id } : no(REFUND_ERRORS[gateway]!);
      // The submit that made the refund answers with its outcome; a double submit that raced it finds the
      // same refund, still in flight or already settled, and never makes a second one.
      const inFlight = (r: RefundResult) => r.ok && r.refund.id === row.id && r.refund.state === "created";
      expect(
        results.some((r) => !inFlight(r)),
        "someone answers with the outcome",
      ).toBe(true);
      for (const result of results) if (!inFlight(result)) expect(answerOf(result), "refund answer").toEqual(answer);
      m.keys.set(key, { orderId: o.id, answer });
      o.lastKey = key;
      const refund: MRefund = {
        origin: "shop",
        attemptId: paid.id,
        amount,
        outTradeNo: row.outTradeNo,
        state: gateway === "accepted" ? "succeeded" : "failed",
        atGateway: gateway === "accepted",
        syssn: row.syssn ?? undefined,
        id: row.id,
      };
      o.refunds.push(refund);
      if (gateway === "accepted") {
        paid.gatewayRefunded += amount;
        applyRefundTotals(o);
      }
    }),
  );

/** The merchant refunds in QFPay's own portal: the shop hears of it only from the notification. */
const portalRefundCmd = fc
  .record({ order: orderRef, attempt: fromEnd, amount: amountKind, percent: fc.integer({ min: 1, max: 99 }) })
  .map((p) =>
    command(
      "portal-refund",
      p,
      (m) => hasOrder(m) && orderAt(m, p.order)!.attempts.some((a) => a.gateway === "paid"),
      async (m) => {
        const o = orderAt(m, p.order)!;
        const a = pickFromEnd(
          o.attempts.filter((x) => x.gateway === "paid"),
          p.attempt,
        );
        const amount = Math.max(1, amountFor(p.amount, a.amount - a.gatewayRefunded, a.amount, p.percent));
        const expected = gatewayRefundAnswer(a, amount);
        const outTradeNo = newOutTradeNo("refund");
        const outcome = await shop.merchantPortal.refund({
          syssn: a.syssn,
          out_trade_no: outTradeNo,
          txamt: amount,
          txdtm: formatGatewayTime(new Date()),
        });
        m.log[m.log.length - 1] += ` → ${amount}: ${outcome.kind === "failed" ? outcome.code : outcome.kind}`;
        if (expected !== "accepted") {
          expect(outcome.kind === "failed" && outcome.code).toBe(expected);
          return;
        }
        if (outcome.kind !== "accepted") throw new Error(`portal refund: ${JSON.stringify(outcome)}`);
        a.gatewayRefunded += amount;
        o.refunds.push({
          origin: "portal",
          attemptId: a.id,
          amount,
          outTradeNo,
          state: "unrecorded",
          atGateway: true,
          syssn: outcome.value.syssn,
        });
      },
    ),
  );

/** The shop's clock runs past every attempt's expiry (QFPay's own clock does not move). */
const clockCmd = fc.constant(null).map(() =>
  command(
    "clock+33min",
    null,
    (m) => m.clockSteps < MAX_CLOCK_STEPS,
    async (m) => {
      m.clockSteps += 1;
      shopClockAhead = m.clockSteps * CLOCK_STEP_MS;
    },
  ),
);

const reconcileCmd = fc.constant(null).map(() =>
  command(
    "reconcile",
    null,
    () => true,
    async (m) => {
      // Open attempts, and replaced ones (still payable until they expire; the model's clock never runs a day past that).
      const open = m.orders
        .flatMap((o) => o.attempts.filter((a) => isOpen(a) || a.state === "superseded").map((a) => ({ o, a })))
        .sort((x, y) => x.a.id - y.a.id);
      await reconcile(shop.ctx);
      const now = shopNow().getTime();
      for (const { o, a } of open) {
        learn(m, o, a);
        // Long past its expiry and still open: the shop gives up (QFPay may still take the money; then it is flagged).
        if (now > a.expiresAt + 2 * 60_000 && isOpen(a)) {
          a.state = "expired";
          if (a === latest(o)) moveOrder(o, "expired");
        }
      }
      // An order nobody came back to after its last try failed: with the clock moved, every such order is stale.
      if (m.clockSteps > 0)
        for (const o of m.orders)
          if (o.state === "awaiting_payment" && !o.attempts.some(isOpen)) moveOrder(o, "failed");
      // Holding more than it cost (paid twice, the extra not refunded): flagged (the model never resolves a flag).
      for (const o of m.orders) {
        const paid = o.attempts.filter((a) => a.state === "paid");
        if (paid.length > 1 && sum(paid.map((a) => a.amount)) - o.refundedTotal > o.total) flag(o);
      }
    },
  ),
);

// Repeated entries weigh the draw towards what makes payments and refunds race, and replaced or expired attempts.
const allCommands = [
  checkoutCmd,
  cashierCmd,
  cashierCmd,
  cashierCmd,
  notifyCmd,
  notifyCmd,
  notifyCmd,
  burstCmd,
  burstCmd,
  queryCmd,
  statusCmd,
  retryCmd,
  retryCmd,
  refundCmd,
  refundCmd,
  portalRefundCmd,
  portalRefundCmd,
  clockCmd,
  reconcileCmd,
  reconcileCmd,
];

// ---------------------------------------------------------------------------------------------------

async function beginRun(): Promise<Model> {
  shopClockAhead = 0;
  await shop.settle();
  await shop.control({ action: "reset" });
  // Hold back every notification the sandbox would send by itself: the commands deliver them.
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 }, count: 100 });
  const rows = await shop.database.db
    .select()
    .from(inventory)
    .where(inArray(inventory.sku, [...SKUS]));
  const stock = Object.fromEntries(rows.map((row) => [row.sku, row.stock]));
  return { orders: [], stock: { ...stock }, startStock: stock, clockSteps: 0, keys: new Map(), log: [] };
}

/** Closes whatever the run left open, so the next run's reconciliation sees only its own orders. */
async function endRun(): Promise<void> {
  await shop.settle();
  await reconcile({ ...shop.ctx, now: () => new Date(Date.now() + 10 * 86_400_000) });
  await shop.settle();
  shopClockAhead = 0;
  await shop.control({ action: "reset" });
}

describe("the payments core against its model", () => {
  it("keeps every invariant under random checkouts, cashier actions, notifications, queries, retries, refunds and reconciliation", async () => {
    await fc.assert(
      fc.asyncProperty(
        checkoutParams,
        fc.commands(allCommands, { maxCommands: MAX_COMMANDS, size: "max" }),
        async (first, cmds) => {
          const model = await beginRun();
          try {
            // Every run starts with one order, so the commands have something to act on.
            model.log.push(`checkout ${JSON.stringify(first)}`);
            await checkout(model, first);
            await checkAll(model, "first checkout");
            await fc.asyncModelRun(() => ({ model, real: shop }), cmds);
            await checkAll(model, "end of run");
          } finally {
            await endRun();
          }
        },
      ),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    // What the runs reached, so a reader can tell the interesting paths were taken.
    const reached = await shop.database.db
      .select({ type: orderEvents.type, n: count() })
      .from(orderEvents)
      .groupBy(orderEvents.type)
      .orderBy(orderEvents.type);
    console.info(
      `model runs: ${NUM_RUNS}\n  commands run: ${[...executed].map(([name, n]) => `${name} ${n}`).join(", ")}\n  events logged: ${reached.map(({ type, n }) => `${type} ${n}`).join(", ")}`,
    );
  }, 600_000);
});
