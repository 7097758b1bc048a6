import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { asc, inArray } from "drizzle-orm";
import { cbtisSandboxIntents } from "@/lib/db/schema/cbtis-sandbox";
import { inventory } from "@/lib/db/schema/inventory";
import { orderEvents, orders, type OrderState } from "@/lib/db/schema/orders";
import { paymentAttempts, refunds, type AttemptState } from "@/lib/db/schema/payments";
import { toCbtisAmount } from "@/lib/cbtis/amount";
import { DEFAULT_TIMEOUT_MS } from "@/lib/cbtis/client";
import { priceCart } from "@/lib/catalog/price-cart";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";
import { readOrderStatus } from "@/lib/payments/order-status";
import { reconcile } from "@/lib/payments/reconcile";
import { refundOrder } from "@/lib/payments/refund-payment";
import { retryPayment } from "@/lib/payments/retry-payment";
import { startPayment } from "@/lib/payments/start-payment";
import { startShop, type ShopHarness } from "../support/shop-harness";

/*
 * The model-based test of the payments core (payments-model.db.test.ts) with the shop paying through CBTIS:
 * checkouts, the stand-in's cashier paying or cancelling, CBTIS's webhooks (genuine, copied, concurrent,
 * and forged: for unpaid intents, other intents, unknown orders, junk), the status page, retries with the
 * other wallet, refunds (done in CBTIS's portal, so refused), the shop's clock running past expiry and
 * reconciliation. A webhook proves nothing, so the model predicts that only what CBTIS's query holds ever
 * changes an order: after each command the database is compared with the model, and checked for what
 * holds whatever it says (paid side effects once, nothing paid that CBTIS does not hold as paid, no refund,
 * the event log a chain of the state machine's moves). MODEL_SEED replays a failure; MODEL_RUNS widens.
 */

const NUM_RUNS = Number(process.env.MODEL_RUNS ?? 60);
const MAX_COMMANDS = 30;
const SEED = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
const POOL = 3;
/** Past an attempt's 30 minutes plus reconciliation's 2 minutes of grace, and past the stale-order cutoff. */
const CLOCK_STEP_MS = 33 * 60_000;
const SKUS = ["TEA-JAS-50", "TEA-HKM-TIN", "WARE-YIX-200"] as const;
const PAID_FAMILY: readonly OrderState[] = ["paid", "partially_refunded", "refunded"];
const OPEN: readonly AttemptState[] = ["created", "unknown", "awaiting_payment"];
const STATUS_TEXT: Partial<Record<OrderState, string>> = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  expired: "Expired",
  failed: "Payment failed",
};

let shop: ShopHarness;
let shopClockAhead = 0;
const shopNow = () => new Date(Date.now() + shopClockAhead);

beforeAll(async () => {
  shop = await startShop({ now: shopNow, gatewayTimeoutMs: DEFAULT_TIMEOUT_MS }, { PAYMENT_PROVIDER: "cbtis" });
});
afterAll(async () => {
  await shop?.close();
});

// ---------------------------------------------------------------------------------------------------
// The model.

interface MAttempt {
  id: number;
  outTradeNo: string;
  /** CBTIS's order_id for the intent. */
  intent: string;
  wallet: Wallet;
  payType: string;
  amount: number;
  state: AttemptState;
  gateway: "open" | "paid" | "cancelled";
  expiresAt: number;
}
interface MOrder {
  id: string;
  lines: { sku: string; qty: number }[];
  total: number;
  state: OrderState;
  needsReview: boolean;
  attempts: MAttempt[];
}
interface Model {
  orders: MOrder[];
  stock: Record<string, number>;
  clockSteps: number;
  log: string[];
}

const latest = (o: MOrder) => o.attempts[o.attempts.length - 1]!;
const isOpen = (a: MAttempt) => OPEN.includes(a.state);
const orderAt = (m: Readonly<Model>, n: number) => m.orders[n % m.orders.length];
const pickFromEnd = <T>(items: readonly T[], n: number): T => items[items.length - 1 - (n % items.length)]!;

/** CBTIS holds the intent paid: the shop's attempt is paid; a second payment, or one after the order closed, is flagged. */
function applyPaid(m: Model, o: MOrder, a: MAttempt): void {
  if (a.state === "paid") return;
  a.state = "paid";
  if (o.state !== "awaiting_payment") {
    o.needsReview = true;
    return;
  }
  o.state = "paid";
  for (const line of o.lines) m.stock[line.sku] = m.stock[line.sku]! - line.qty;
}

/** What a query of this intent teaches the shop. */
function learn(m: Model, o: MOrder, a: MAttempt): void {
  if (a.gateway === "paid") return applyPaid(m, o, a);
  if (a.gateway === "cancelled" && isOpen(a)) {
    a.state = "expired";
    if (a === latest(o) && o.state === "awaiting_payment") o.state = "expired";
  }
}

function modelAttempt(
  a: { id: number; outTradeNo: string; syssn: string | null; payType: string; amount: number; expiresAt: Date },
  wallet: Wallet,
): MAttempt {
  const intent = a.syssn!;
  const { id, outTradeNo, payType, amount } = a;
  return {
    id,
    outTradeNo,
    intent,
    wallet,
    payType,
    amount,
    state: "awaiting_payment",
    gateway: "open",
    expiresAt: a.expiresAt.getTime(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Talking to the shop, and checking it.

let posted = 0;
/** From one of many senders: each has an allowance of webhooks a minute, which this file's volume would spend. */
async function postWebhook(body: string): Promise<{ status: number; text: string }> {
  posted += 1;
  const response = await fetch(shop.notifyUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-forwarded-for": `198.51.100.${posted % 250}` },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const hint = (intent: string, merchantOrderId: string) =>
  JSON.stringify({ notify_type: "payment_success", data: { order_id: intent, merchant_order_id: merchantOrderId } });

async function checkAll(m: Model, when: string): Promise<void> {
  const db = shop.database.db;
  const ctx = (detail: string) => `${when}: ${detail}\n  commands so far:\n    ${m.log.join("\n    ")}`;
  const stockRows = await db
    .select()
    .from(inventory)
    .where(inArray(inventory.sku, [...SKUS]));
  for (const row of stockRows) expect(row.stock, ctx(`stock of ${row.sku}`)).toBe(m.stock[row.sku]);
  const ids = m.orders.map((o) => o.id);
  const [orderRows, attemptRows, refundRows, eventRows, intents] = await Promise.all([
    db.select().from(orders).where(inArray(orders.id, ids)),
    db.select().from(paymentAttempts).where(inArray(paymentAttempts.orderId, ids)).orderBy(asc(paymentAttempts.id)),
    db.select().from(refunds).where(inArray(refunds.orderId, ids)),
    db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).orderBy(asc(orderEvents.id)),
    db.select().from(cbtisSandboxIntents),
  ]);
  expect(refundRows, ctx("refunds: CBTIS's are made in its portal")).toEqual([]);
  m.orders.forEach((o, index) => {
    const label = `order #${index}`;
    const row = orderRows.find((r) => r.id === o.id)!;
    const attempts = attemptRows.filter((a) => a.orderId === o.id);
    const events = eventRows.filter((e) => e.orderId === o.id);
    expect({ state: row.state, needsReview: row.needsReview }, ctx(`${label} (${row.reviewReason})`)).toEqual({
      state: o.state,
      needsReview: o.needsReview,
    });
    expect(
      attempts.map((a) => [a.id, a.state]),
      ctx(`${label} attempts`),
    ).toEqual(o.attempts.map((a) => [a.id, a.state]));
    // Nothing is paid unless CBTIS holds that very intent as paid, for the order's total.
    for (const attempt of attempts.filter((a) => a.state === "paid")) {
      const held = intents.find((i) => i.merchantOrderId === attempt.outTradeNo);
      expect(held && [held.status, held.orderId, held.amount], ctx(`${label} paid attempt at CBTIS`)).toEqual([
        "SUCCEEDED",
        attempt.syssn,
        toCbtisAmount(row.total, "HKD"),
      ]);
    }
    // The paid side effects once for an order that was ever paid, never otherwise.
    const everPaid = PAID_FAMILY.includes(o.state) || events.some((e) => e.type === "order.paid");
    const sales = events.filter((e) => e.type === "order.paid" && e.fromState === "awaiting_payment").length;
    const effects = events.filter((e) => e.type === "order.paid_effects").length;
    expect([sales, effects], ctx(`${label} paid events`)).toEqual(everPaid ? [1, 1] : [0, 0]);
    // The log is a chain of the order's moves that ends where the order is.
    const moves = events.filter((e) => e.type.startsWith("order.") && e.toState !== null);
    for (let i = 1; i < moves.length; i++)
      expect(moves[i]!.fromState, ctx(`${label} event ${moves[i]!.type}`)).toBe(moves[i - 1]!.toState);
    expect(moves[moves.length - 1]?.toState, ctx(`${label} log ends where the order is`)).toBe(row.state);
  });
}

// ---------------------------------------------------------------------------------------------------
// The commands.

type Cmd = fc.AsyncCommand<Model, ShopHarness>;
const executed = new Map<string, number>();

function command<P>(
  name: string,
  params: P,
  check: (m: Readonly<Model>) => boolean,
  run: (m: Model) => Promise<void>,
): Cmd {
  const text = `${name} ${JSON.stringify(params)}`;
  return {
    check: (m) => check(m),
    async run(m) {
      m.log.push(text);
      executed.set(name, (executed.get(name) ?? 0) + 1);
      await run(m);
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
    sessionId: "cbtis-model",
    email: "model@example.com",
    items: priced.items,
    wallet: p.wallet,
    device: p.device,
  });
  if (!result.ok) throw new Error(`checkout refused: ${JSON.stringify(result.problem)}`);
  expect(result.attempt).toMatchObject({ state: "awaiting_payment", amount: priced.total });
  m.orders.push({
    id: result.orderId,
    lines: p.lines,
    total: priced.total,
    state: "awaiting_payment",
    needsReview: false,
    attempts: [modelAttempt(result.attempt, p.wallet)],
  });
}

const checkoutCmd = checkoutParams.map((p) =>
  command(
    "checkout",
    p,
    (m) => m.orders.length < POOL,
    (m) => checkout(m, p),
  ),
);

/** The stand-in's cashier: the shopper pays in the wallet, or the intent is cancelled. */
const cashierCmd = fc
  .record({ action: fc.constantFrom("pay", "pay", "cancel"), order: orderRef, attempt: fromEnd })
  .map((p) =>
    command("cashier", p, hasOrder, async (m) => {
      const a = pickFromEnd(orderAt(m, p.order)!.attempts, p.attempt);
      const answer = await shop.cbtisControl({ action: p.action, orderId: a.intent });
      expect(answer.status, `${p.action} on a ${a.gateway} intent`).toBe(a.gateway === "open" ? 200 : 409);
      if (a.gateway === "open") a.gateway = p.action === "pay" ? "paid" : "cancelled";
    }),
  );

/** CBTIS's webhook for an intent, sent several times, one after another or all at once; for an unpaid intent it is forged. */
const webhookCmd = fc
  .record({ order: orderRef, attempt: fromEnd, copies: fc.integer({ min: 1, max: 4 }), concurrent: fc.boolean() })
  .map((p) =>
    command("webhook", p, hasOrder, async (m) => {
      const o = orderAt(m, p.order)!;
      const a = pickFromEnd(o.attempts, p.attempt);
      const body = hint(a.intent, a.outTradeNo);
      const answers: { status: number; text: string }[] = [];
      if (p.concurrent) answers.push(...(await Promise.all(Array.from({ length: p.copies }, () => postWebhook(body)))));
      else for (let i = 0; i < p.copies; i++) answers.push(await postWebhook(body));
      // Taken once CBTIS's query settles the intent either way; while it is pending, CBTIS should send it again.
      // Copies at once share one look-up (the spacing claim): those that lost it are answered 503, and come again.
      const statuses = answers.map((answer) => answer.status);
      const expected = a.gateway === "open" ? 503 : 200;
      if (p.concurrent && a.state !== "paid") {
        expect(statuses, `copies of a webhook for a ${a.gateway} intent`).toContain(expected);
        expect(statuses.every((status) => status === expected || status === 503)).toBe(true);
      } else expect(statuses, `a webhook for a ${a.gateway} intent`).toEqual(statuses.map(() => expected));
      learn(m, o, a);
    }),
  );

/** Webhooks that name nothing the shop may act on: another intent of a known order, an unknown order, junk. */
const forgedCmd = fc.record({ order: orderRef, kind: fc.constantFrom("other-intent", "unknown", "junk") }).map((p) =>
  command("forged", p, hasOrder, async (m) => {
    const a = latest(orderAt(m, p.order)!);
    const body =
      p.kind === "other-intent"
        ? hint(`${a.intent}X`, a.outTradeNo)
        : p.kind === "unknown"
          ? hint(a.intent, `P-NOT-${a.outTradeNo}`)
          : `{"notify_type":"payment_success","data":{"order_id":${JSON.stringify(a.intent)}}}`;
    expect(await postWebhook(body)).toEqual({ status: 200, text: "SUCCESS" });
  }),
);

/** The order page: asks CBTIS about a pending attempt, then shows what the database holds. */
const statusCmd = fc.record({ order: orderRef }).map((p) =>
  command("status", p, hasOrder, async (m) => {
    const o = orderAt(m, p.order)!;
    const view = await readOrderStatus(shop.ctx, o.id);
    if (isOpen(latest(o))) learn(m, o, latest(o));
    expect({ state: view?.order.state, text: view?.statusText }).toEqual({
      state: o.state,
      text: STATUS_TEXT[o.state],
    });
  }),
);

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
      const payType = shop.ctx.gateway.methodFor(wallet, p.device);
      if (live.state === "awaiting_payment" && live.payType === payType && live.expiresAt > shopNow().getTime()) {
        expect(result.attempt.id, "a payable attempt of the same method is reused").toBe(live.id);
        return;
      }
      expect(result.attempt).toMatchObject({ state: "awaiting_payment", payType, amount: o.total });
      if (isOpen(live)) live.state = "superseded";
      o.attempts.push(modelAttempt(result.attempt, wallet));
    }),
  );

const refundCmd = fc.record({ order: orderRef }).map((p) =>
  command("refund", p, hasOrder, async (m) => {
    const o = orderAt(m, p.order)!;
    const result = await refundOrder(shop.ctx, {
      orderId: o.id,
      amount: "rest",
      requestKey: crypto.randomUUID(),
      by: "admin",
    });
    expect(result).toEqual({ ok: false, problem: { code: "refundsInPortal", provider: "CBTIS" } });
  }),
);

const clockCmd = fc.constant(null).map(() =>
  command(
    "clock+33min",
    null,
    (m) => m.clockSteps < 2,
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
      const open = m.orders.flatMap((o) =>
        o.attempts.filter((a) => isOpen(a) || a.state === "superseded").map((a) => ({ o, a })),
      );
      await reconcile(shop.ctx);
      const now = shopNow().getTime();
      for (const { o, a } of open.sort((x, y) => x.a.id - y.a.id)) {
        learn(m, o, a);
        if (now > a.expiresAt + 2 * 60_000 && isOpen(a)) {
          a.state = "expired";
          if (a === latest(o) && o.state === "awaiting_payment") o.state = "expired";
        }
      }
      if (m.clockSteps > 0)
        for (const o of m.orders) if (o.state === "awaiting_payment" && !o.attempts.some(isOpen)) o.state = "failed";
      for (const o of m.orders) if (o.attempts.filter((a) => a.state === "paid").length > 1) o.needsReview = true;
    },
  ),
);

const allCommands = [
  checkoutCmd,
  cashierCmd,
  cashierCmd,
  cashierCmd,
  webhookCmd,
  webhookCmd,
  webhookCmd,
  forgedCmd,
  statusCmd,
  retryCmd,
  retryCmd,
  refundCmd,
  clockCmd,
  reconcileCmd,
  reconcileCmd,
];

async function beginRun(): Promise<Model> {
  shopClockAhead = 0;
  await shop.settle();
  await shop.cbtisControl({ action: "reset" });
  // Hold back every webhook the stand-in would send by itself: the commands deliver them.
  await shop.cbtisControl({
    action: "fault",
    fault: { endpoint: "webhook", kind: "delay", delayMs: 3_600_000 },
    count: 100,
  });
  const rows = await shop.database.db
    .select()
    .from(inventory)
    .where(inArray(inventory.sku, [...SKUS]));
  return { orders: [], stock: Object.fromEntries(rows.map((row) => [row.sku, row.stock])), clockSteps: 0, log: [] };
}

async function endRun(): Promise<void> {
  await shop.settle();
  await reconcile({ ...shop.ctx, now: () => new Date(Date.now() + 10 * 86_400_000) });
  await shop.settle();
  shopClockAhead = 0;
  await shop.cbtisControl({ action: "reset" });
}

describe("the payments core through CBTIS against its model", () => {
  it("only what CBTIS's query holds changes an order, whatever webhooks, cashier actions, retries and reconciliation do", async () => {
    await fc.assert(
      fc.asyncProperty(
        checkoutParams,
        fc.commands(allCommands, { maxCommands: MAX_COMMANDS, size: "max" }),
        async (first, cmds) => {
          const model = await beginRun();
          try {
            model.log.push(`checkout ${JSON.stringify(first)}`);
            await checkout(model, first);
            await fc.asyncModelRun(() => ({ model, real: shop }), cmds);
            await checkAll(model, "end of run");
          } finally {
            await endRun();
          }
        },
      ),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    console.info(
      `cbtis model runs: ${NUM_RUNS}; commands run: ${[...executed].map(([n, k]) => `${n} ${k}`).join(", ")}`,
    );
    // A sequence whose checks never held anything tests nothing: the paths that matter were taken.
    for (const name of ["cashier", "webhook", "forged", "retry", "reconcile"])
      expect(executed.get(name) ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
