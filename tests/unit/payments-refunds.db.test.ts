import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { orderEvents } from "@/lib/db/schema/orders";
import { refunds } from "@/lib/db/schema/payments";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { reconcile } from "@/lib/payments/reconcile";
import { refundOrder } from "@/lib/payments/refund-payment";
import { readOrderStory } from "@/lib/admin/order-story";
import { eventually } from "../support/sandbox-harness";
import { startShop, type ShopHarness } from "../support/shop-harness";
import { checkout, orderOf } from "../support/payments-helpers";

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

const refund = (orderId: string, amount: number, requestKey = randomUUID()) => refundOrder(shop.ctx, { orderId, amount, requestKey, by: "test" });

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
    expect(await refund(orderId, 1)).toEqual({ ok: false, error: "This payment has been refunded in full already." });
  });

  it("refuses an over-refund before asking QFPay", async () => {
    const { orderId } = await paidOrder();
    expect(await refund(orderId, 12801)).toEqual({ ok: false, error: "At most 12800 (minor units) can still be refunded." });
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

  it("refuses the 23:30 to 00:30 window with QFPay's reason", async () => {
    const { orderId } = await paidOrder();
    const late = new Date(NOON_HKT().getTime() + 11.75 * 3600_000); // 23:45 in Hong Kong
    const result = await refundOrder({ ...shop.ctx, now: () => late }, { orderId, amount: 100, requestKey: randomUUID(), by: "test" });
    expect(result).toEqual({ ok: false, error: "QFPay does not process refunds between 23:30 and 00:30 (Hong Kong time). Try again after 00:30." });
  });

  it("explains a channel that refuses partial refunds, and refuses the next partial one at once", async () => {
    const { orderId } = await paidOrder();
    await shop.control({ action: "fault", fault: { endpoint: "refund", kind: "respcd", code: "1271" } });
    expect(await refund(orderId, 1000)).toEqual({ ok: false, error: "This payment does not allow partial refunds: refund the full amount." });
    expect(await refund(orderId, 1000)).toEqual({ ok: false, error: "This payment does not allow partial refunds: refund the full amount." });
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
    expect(await refund(orderId, 100)).toEqual({ ok: false, error: "Only paid orders can be refunded." });
  });

  it("tells the whole story of 1145 → query → paid → duplicate notification → partial refund, in order", async () => {
    await shop.control({ action: "fault", fault: { endpoint: "payment", kind: "pending", code: "1145", afterQueries: 1, settle: "paid" } });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt.state).toBe("unknown");
    await queryAttempt(shop.ctx, attempt, "test");
    await eventually(async () => ((await orderOf(shop, orderId)).state === "paid" ? true : null));
    await shop.control({ action: "notify", syssn: attempt.syssn ?? (await shop.gateway.inspect({ outTradeNo: attempt.outTradeNo }))!.transaction.syssn, copies: 1 });
    await shop.settle();
    expect((await refund(orderId, 3000)).ok).toBe(true);
    await eventually(async () => (await readOrderStory(shop.database.db, orderId))!.notifications.some((n) => n.notifyType === "refund"));

    const story = (await readOrderStory(shop.database.db, orderId))!;
    const types = (await shop.database.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id))).map((e) => e.type);
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
