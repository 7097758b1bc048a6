import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { refunds } from "@/lib/db/schema/payments";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { eventually } from "../support/sandbox-harness";
import { startShop, type ShopHarness } from "../support/shop-harness";
import { stockOf } from "@/lib/payments/inventory";
import { attemptsOf, checkout, eventCount, orderOf, TEA } from "../support/payments-helpers";

// QFPay's query is the truth; a notification, however well signed, only says what someone claimed.
let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop?.close();
});
beforeEach(async () => {
  await shop.settle();
  await shop.control({ action: "reset" });
});

async function post(body: string) {
  const response = await fetch(shop.notifyUrl, { method: "POST", headers: { "Content-Type": "application/json", "X-QF-SIGN": signNotificationBody(body, SANDBOX_CLIENT_KEY) }, body });
  return { status: response.status, text: await response.text() };
}

it("a signed 'paid' notification for a payment QFPay still holds as unpaid changes nothing but a flag, and is not taken until QFPay confirms it", async () => {
  const { orderId, attempt } = await checkout(shop);
  const stockBefore = await stockOf(shop.database.db, TEA);
  const held = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  expect(held.respcd).toBe("1143");
  const forged = notificationBody({ ...held, respcd: "0000", paydtm: formatGatewayTime(new Date()) });
  // Confirmed by QFPay's query before the answer: not paid, so not taken (QFPay would send it again).
  expect(await post(forged)).toEqual({ status: 503, text: "FAIL: QFPay's query does not confirm this payment yet" });
  const order = await orderOf(shop, orderId);
  expect(order.state).toBe("awaiting_payment");
  expect((await attemptsOf(shop, orderId))[0]!.state).toBe("awaiting_payment");
  expect(order.needsReview).toBe(true);
  expect(order.reviewReason).toMatch(/QFPay's query says it is still unpaid \(1143\): do not ship/);
  // No side effect of a payment QFPay does not hold: no stock taken, no paid event.
  expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore);
  expect([await eventCount(shop, orderId, "order.paid"), await eventCount(shop, orderId, "order.paid_effects")]).toEqual([0, 0]);

  // The admin's "Query QFPay now" and the same message again say the same: no second flag for the same news.
  const before = await eventCount(shop, orderId, "order.needs_review");
  expect(await queryAttempt(shop.ctx, attempt, "admin")).toBe("settled");
  expect((await post(forged)).status).toBe(503);
  expect(await eventCount(shop, orderId, "order.needs_review")).toBe(before);

  // Once QFPay really holds the payment, the next copy is confirmed and the order is paid, once.
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
  await shop.control({ action: "pay", syssn: attempt.syssn });
  const genuine = notificationBody((await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction);
  expect(await post(genuine)).toEqual({ status: 200, text: "SUCCESS" });
  expect((await orderOf(shop, orderId)).state).toBe("paid");
  expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore! - 1);
});

it("confirms a notification at once even when a poll has just queried the payment", async () => {
  const { orderId, attempt } = await checkout(shop);
  const spacing = shop.ctx.querySpacingMs;
  Object.assign(shop.ctx, { querySpacingMs: 60 * 60_000 });
  try {
    // QFPay's answer to the checkout counts as the latest query: the shopper's polls wait their turn.
    expect(await queryAttempt(shop.ctx, attempt, "status")).toBe("too_soon");
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
    await shop.control({ action: "pay", syssn: attempt.syssn });
    expect(await queryAttempt(shop.ctx, attempt, "status")).toBe("too_soon");
    const body = notificationBody((await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction);
    expect(await post(body)).toEqual({ status: 200, text: "SUCCESS" });
    expect((await orderOf(shop, orderId)).state).toBe("paid");
  } finally {
    Object.assign(shop.ctx, { querySpacingMs: spacing });
  }
});

it("answers FAIL while QFPay's query cannot be reached, so that QFPay sends the notification again", async () => {
  const { orderId, attempt } = await checkout(shop);
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
  await shop.control({ action: "pay", syssn: attempt.syssn });
  const body = notificationBody((await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction);
  await shop.control({ action: "fault", fault: { endpoint: "query", kind: "respcd", code: "1100" }, count: 1 });
  expect((await post(body)).status).toBe(503);
  expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
  expect(await post(body)).toEqual({ status: 200, text: "SUCCESS" });
  expect((await orderOf(shop, orderId)).state).toBe("paid");
});

it("a signed refund notification for a refund the shop never started counts only once QFPay's query confirms it", async () => {
  const { orderId, attempt } = await checkout(shop);
  await shop.control({ action: "pay", syssn: attempt.syssn });
  await eventually(async () => (await orderOf(shop, orderId)).state === "paid");
  const payment = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  // A refund QFPay never made, in QFPay's own format and signature.
  const invented = notificationBody({ ...payment, orderType: "refund", syssn: `${payment.syssn.slice(0, 20)}999999`, origSyssn: payment.syssn, outTradeNo: `R-invented-${Date.now()}`, txamt: 5000 });
  expect(await post(invented)).toEqual({ status: 200, text: "SUCCESS" });
  await shop.settle();
  const [refund] = await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
  expect(refund!.state).toBe("failed");
  const order = await orderOf(shop, orderId);
  expect(order.state).toBe("paid");
  expect(order.refundedTotal).toBe(0);
});

it("tells a contradiction once however many copies repeat it, even on an order already flagged for something else", async () => {
  const { orderId, attempt } = await checkout(shop);
  const held = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  const first = notificationBody({ ...held, respcd: "0000", paydtm: formatGatewayTime(new Date()) });
  expect((await post(first)).status).toBe(503); // flagged: "still unpaid"
  const other = notificationBody({ ...held, respcd: "0000", syssn: `${held.syssn.slice(0, 20)}777777`, paydtm: formatGatewayTime(new Date()) });
  for (let i = 0; i < 5; i++) await post(other);
  await Promise.all(Array.from({ length: 10 }, () => post(other)));
  // Two pieces of news (the first claim, the other syssn), each told once.
  expect(await eventCount(shop, orderId, "order.needs_review")).toBe(2);
});
