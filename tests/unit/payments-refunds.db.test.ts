import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { orderEvents } from "@/lib/db/schema/orders";
import { refunds } from "@/lib/db/schema/payments";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { reconcile } from "@/lib/payments/reconcile";
import { refundOrder } from "@/lib/payments/refund-payment";
import { readOrderStory } from "@/lib/payments/store/order-story";
import { eventually } from "../support/sandbox-harness";
import { startShop, type ShopHarness } from "../support/shop-harness";
import { attemptsOf, checkout, orderOf } from "../support/payments-helpers";
import { retryPayment } from "@/lib/payments/retry-payment";
import { resolveReview } from "@/lib/payments/resolve-review";

let shop: ShopHarness;
// A clock running from noon in Hong Kong: outside QFPay's 23:30-00:30 refund blackout whenever the suite runs.
const noon = new Date();
noon.setUTCHours(4, 0, 0, 0);
const OFFSET_MS = noon.getTime() - Date.now();
const NOON_HKT = () => new Date(Date.now() + OFFSET_MS);

beforeAll(async () => {
  shop = await startShop({ now: NOON_HKT });
});
afterAll(async () => {
  await shop?.close();
});
beforeEach(async () => {
  await shop.settle();
  await shop.control({ action: "reset" });
  await shop.control({ action: "settings", clockOffsetMs: OFFSET_MS });
});

async function paidOrder(qty = 1) {
  const { orderId, attempt } = await checkout(shop, { qty });
  await shop.control({ action: "pay", syssn: attempt.syssn });
  await eventually(async () => ((await orderOf(shop, orderId)).state === "paid" ? true : null));
  await shop.settle();
  return { orderId, attempt };
}

const refund = (orderId: string, amount: number | "rest", requestKey = randomUUID(), attemptId?: number) =>
  refundOrder(shop.ctx, { orderId, attemptId, amount, requestKey, by: "test" });

/** An order paid twice: its first QR code paid, then the retry's too (two shoppers' phones, a slow page). */
async function paidTwice() {
  const { orderId, attempt: first } = await checkout(shop);
  const second = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
  if (!second.ok) throw new Error(JSON.stringify(second.problem));
  await shop.control({ action: "pay", syssn: first.syssn });
  await shop.control({ action: "pay", syssn: second.attempt.syssn });
  await eventually(async () => ((await attemptsOf(shop, orderId)).every((a) => a.state === "paid") ? true : null));
  await shop.settle();
  return { orderId, first, second: second.attempt };
}

describe("refunds", () => {
  it("refunds in full", async () => {
    const { orderId } = await paidOrder();
    const result = await refund(orderId, 12800);
    expect(result.ok && result.refund.state).toBe("succeeded");
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "refunded", refundedTotal: 12800 });
  });

  it("refunds in two parts up to the total, then refuses more", async () => {
    const { orderId } = await paidOrder(2);
    expect((await refund(orderId, 10000)).ok).toBe(true);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "partially_refunded", refundedTotal: 10000 });
    expect((await refund(orderId, 15600)).ok).toBe(true);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "refunded", refundedTotal: 25600 });
    expect(await refund(orderId, 1)).toEqual({ ok: false, problem: { code: "refundedInFull" } });
  });

  it("refuses an over-refund before asking QFPay", async () => {
    const { orderId } = await paidOrder();
    expect(await refund(orderId, 12801)).toEqual({
      ok: false,
      problem: { code: "atMost", max: 12800, currency: "HKD" },
    });
    const rows = await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(rows).toHaveLength(0);
  });

  it("makes one refund from a double submit, even at the same instant", async () => {
    const { orderId } = await paidOrder();
    const key = randomUUID();
    const [a, b] = await Promise.all([refund(orderId, 5000, key), refund(orderId, 5000, key)]);
    expect(a.ok && b.ok).toBe(true);
    const rows = await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(rows).toHaveLength(1);
    expect((await orderOf(shop, orderId)).refundedTotal).toBe(5000);
  });

  it("settles a refund whose answer was lost, by query and never by sending again", async () => {
    const { orderId } = await paidOrder();
    await shop.control({ action: "fault", fault: { endpoint: "refund", kind: "drop" } });
    await shop.control({ action: "fault", fault: { endpoint: "query", kind: "respcd", code: "1100" } });
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
    const result = await refund(orderId, 2800);
    expect(result.ok && result.refund.state).toBe("unknown");
    expect((await orderOf(shop, orderId)).state).toBe("paid");
    await reconcile(shop.ctx);
    const [row] = await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(row?.state).toBe("succeeded");
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "partially_refunded", refundedTotal: 2800 });
  });

  it("refuses the 23:30 to 00:30 window before asking QFPay", async () => {
    const { orderId } = await paidOrder();
    const late = new Date(NOON_HKT().getTime() + 11.75 * 3600_000); // 23:45 in Hong Kong
    const result = await refundOrder(
      { ...shop.ctx, now: () => late },
      { orderId, amount: 100, requestKey: randomUUID(), by: "test" },
    );
    expect(result).toEqual({
      ok: false,
      problem: { code: "refundPause", provider: "QFPay", from: "23:30", until: "00:30" },
    });
  });

  it("explains a channel that refuses partial refunds, and refuses the next partial one at once", async () => {
    const { orderId } = await paidOrder();
    await shop.control({ action: "fault", fault: { endpoint: "refund", kind: "respcd", code: "1271" } });
    // QFPay's own refusal first (its words, as stored), then the shop's, without asking again.
    expect(await refund(orderId, 1000)).toEqual({
      ok: false,
      problem: {
        code: "gatewayRefused",
        provider: "QFPay",
        reason: "This payment does not allow partial refunds: refund the full amount.",
      },
    });
    expect(await refund(orderId, 1000)).toEqual({ ok: false, problem: { code: "noPartialRefunds", of: "payment" } });
    expect(await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId))).toHaveLength(1);
    expect((await refund(orderId, 12800)).ok).toBe(true);
  });

  it("takes a refund answered 1298 as unknown and asks QFPay, never as refused", async () => {
    const { orderId } = await paidOrder();
    await shop.control({ action: "fault", fault: { endpoint: "refund", kind: "respcd", code: "1298" } });
    await refund(orderId, 1000);
    const [row] = await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(row!.failureCode).not.toBe("1298");
    const events = await shop.database.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(events.map((e) => `${e.type}:${e.toState}`)).toContain("refund.unknown:unknown");
  });

  it("refuses to refund an order that was never paid", async () => {
    const { orderId } = await checkout(shop);
    expect(await refund(orderId, 100)).toEqual({ ok: false, problem: { code: "notPaid" } });
  });

  it("tells the whole story of 1145 → query → paid → duplicate notification → partial refund, in order", async () => {
    await shop.control({
      action: "fault",
      fault: { endpoint: "payment", kind: "pending", code: "1145", afterQueries: 1, settle: "paid" },
    });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt.state).toBe("unknown");
    await queryAttempt(shop.ctx, attempt, "test");
    await eventually(async () => ((await orderOf(shop, orderId)).state === "paid" ? true : null));
    await shop.control({
      action: "notify",
      syssn: attempt.syssn ?? (await shop.gateway.inspect({ outTradeNo: attempt.outTradeNo }))!.transaction.syssn,
      copies: 1,
    });
    await shop.settle();
    expect((await refund(orderId, 3000)).ok).toBe(true);
    await eventually(async () =>
      (await readOrderStory(shop.database.db, orderId))!.notifications.some((n) => n.notifyType === "refund"),
    );

    const story = (await readOrderStory(shop.database.db, orderId))!;
    const types = (
      await shop.database.db
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, orderId))
        .orderBy(asc(orderEvents.id))
    ).map((e) => e.type);
    expect(types).toEqual([
      "order.created",
      "attempt.created",
      "attempt.unknown",
      "attempt.paid",
      "order.paid",
      "order.paid_effects",
      "refund.created",
      "refund.succeeded",
      "order.partially_refunded",
    ]);
    const payment = story.notifications.find((n) => n.notifyType === "payment");
    expect(payment?.timesReceived).toBe(2);
    expect(payment?.signatureValid).toBe(true);
    expect(story.refunds).toMatchObject([{ amount: 3000, state: "succeeded" }]);
    expect(story.attempts).toMatchObject([{ state: "paid", payType: "801514" }]);
  });
});

describe("refunds of an order paid twice", () => {
  it("keep each payment's balance: refunding the extra one leaves the order paid, and the first one can still be refunded", async () => {
    const { orderId, first, second } = await paidTwice();
    expect(await orderOf(shop, orderId)).toMatchObject({
      state: "paid",
      needsReview: true,
      reviewReason: expect.stringContaining("Paid twice"),
    });
    expect(await refund(orderId, 12800)).toEqual({ ok: false, problem: { code: "choosePayment" } });

    const extra = await refund(orderId, "rest", randomUUID(), second.id);
    expect(extra.ok && [extra.refund.state, extra.refund.amount, extra.refund.attemptId]).toEqual([
      "succeeded",
      12800,
      second.id,
    ]);
    // The shop still holds the first payment in full: the order is paid, not refunded.
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "paid", refundedTotal: 12800 });
    expect(await refund(orderId, 1, randomUUID(), second.id)).toEqual({
      ok: false,
      problem: { code: "refundedInFull" },
    });

    const partial = await refund(orderId, 2800, randomUUID(), first.id);
    expect(partial.ok && partial.refund.attemptId).toBe(first.id);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "partially_refunded", refundedTotal: 15600 });
    expect(await refund(orderId, 10001, randomUUID(), first.id)).toEqual({
      ok: false,
      problem: { code: "atMost", max: 10000, currency: "HKD" },
    });
    expect((await refund(orderId, "rest", randomUUID(), first.id)).ok).toBe(true);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "refunded", refundedTotal: 25600 });
    // QFPay holds both refunds against the payment each named.
    const gateway = await Promise.all(
      [first, second].map(async (a) => (await shop.gateway.inspect({ syssn: a.syssn! }))!.transaction.refundedAmount),
    );
    expect(gateway).toEqual([12800, 12800]);
  });

  it("refuses a payment of another order", async () => {
    const { orderId } = await paidTwice();
    const other = await paidOrder();
    expect(await refund(orderId, 100, randomUUID(), other.attempt.id)).toEqual({
      ok: false,
      problem: { code: "paymentOfOrder" },
    });
  });

  it("two admins refunding the two payments at the same instant both succeed, each from its own payment", async () => {
    const { orderId, first, second } = await paidTwice();
    const results = await Promise.all([
      refund(orderId, "rest", randomUUID(), first.id),
      refund(orderId, "rest", randomUUID(), second.id),
      refund(orderId, "rest", randomUUID(), second.id),
    ]);
    // The second refund of the same payment finds its balance committed by the first, whichever ran first.
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.problem)).toEqual([{ code: "refundedInFull" }]);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "refunded", refundedTotal: 25600 });
  });

  it("a resolved paid-twice flag stays resolved through reconciliation, until another payment lands", async () => {
    const { orderId } = await paidTwice();
    expect(await resolveReview(shop.ctx, orderId, "The shopper asked to keep both: two gifts.", "test")).toBe(true);
    await reconcile(shop.ctx);
    await reconcile(shop.ctx);
    expect((await orderOf(shop, orderId)).needsReview).toBe(false);
  });

  it("flags again when a payment lands after the flag was resolved", async () => {
    const { orderId, attempt: first } = await checkout(shop);
    const second = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    const third = await retryPayment(shop.ctx, orderId, "alipayhk", "mobile");
    if (!second.ok || !third.ok) throw new Error("retry refused");
    for (const syssn of [first.syssn, second.attempt.syssn]) await shop.control({ action: "pay", syssn });
    await eventually(async () =>
      (await attemptsOf(shop, orderId)).filter((a) => a.state === "paid").length === 2 ? true : null,
    );
    await shop.settle();
    expect(await resolveReview(shop.ctx, orderId, "Refunded by hand in the portal.", "test")).toBe(true);
    await reconcile(shop.ctx);
    expect((await orderOf(shop, orderId)).needsReview).toBe(false);
    await shop.control({ action: "pay", syssn: third.attempt.syssn });
    await eventually(async () => ((await orderOf(shop, orderId)).needsReview ? true : null));
    expect((await orderOf(shop, orderId)).reviewReason).toContain("Paid twice");
  });

  it("a payment confirmed after the order was refunded in full puts the order back to paid, flagged", async () => {
    const { orderId, attempt: first } = await checkout(shop);
    const second = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    if (!second.ok) throw new Error(JSON.stringify(second.problem));
    await shop.control({ action: "pay", syssn: first.syssn });
    await eventually(async () => ((await orderOf(shop, orderId)).state === "paid" ? true : null));
    await shop.settle();
    expect((await refund(orderId, "rest")).ok).toBe(true);
    expect((await orderOf(shop, orderId)).state).toBe("refunded");
    // The replaced QR code is paid after all: the shop holds a whole payment again.
    await shop.control({ action: "pay", syssn: second.attempt.syssn });
    await eventually(async () => ((await orderOf(shop, orderId)).state === "paid" ? true : null));
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "paid", refundedTotal: 12800, needsReview: true });
    expect((await refund(orderId, "rest", randomUUID(), second.attempt.id)).ok).toBe(true);
    expect((await orderOf(shop, orderId)).state).toBe("refunded");
  });
});
