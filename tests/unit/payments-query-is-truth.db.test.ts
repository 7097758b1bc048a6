import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { refunds } from "@/lib/db/schema/payments";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { refundOrder } from "@/lib/payments/refund-payment";
import { eventually } from "../support/sandbox-harness";
import { shopForThisFile } from "../support/shop-harness";
import {
  attemptsOf,
  checkout,
  eventCount,
  notificationRecords,
  orderOf,
  stockOf,
  TEA,
} from "../support/payments-helpers";

// QFPay's query is the truth; a notification, however well signed, only says what someone claimed.
const shop = shopForThisFile();

async function post(body: string) {
  const response = await fetch(shop.notifyUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-QF-SIGN": signNotificationBody(body, SANDBOX_CLIENT_KEY) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

it("a signed 'paid' notification for a payment QFPay still holds as unpaid changes nothing but a flag, and is not taken until QFPay confirms it", async () => {
  const { orderId, attempt } = await checkout(shop);
  const stockBefore = await stockOf(shop.database.db, TEA);
  const held = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  expect(held.respcd).toBe("1143");
  const forged = notificationBody({ ...held, respcd: "0000", paydtm: formatGatewayTime(new Date()) });
  // Confirmed by QFPay's query before the answer: not paid, so not taken (QFPay would send it again).
  expect(await post(forged)).toEqual({
    status: 503,
    text: "FAIL: the gateway's query does not confirm this payment yet",
  });
  // Recorded once the query has spoken, as what truly came of it: never "applied" before anything was.
  const recordOf = async (body: string) => (await notificationRecords(shop)).find((r) => r.rawBody === body);
  expect(await recordOf(forged)).toMatchObject({
    outcome: "unconfirmed",
    outTradeNo: attempt.outTradeNo,
    timesReceived: 1,
  });
  const order = await orderOf(shop, orderId);
  expect(order.state).toBe("awaiting_payment");
  expect((await attemptsOf(shop, orderId))[0]!.state).toBe("awaiting_payment");
  expect(order.needsReview).toBe(true);
  expect(order.reviewReason).toMatch(/QFPay's query says it is still unpaid \(1143\): do not ship/);
  // No side effect of a payment QFPay does not hold: no stock taken, no paid event.
  expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore);
  expect([
    await eventCount(shop, orderId, "order.paid"),
    await eventCount(shop, orderId, "order.paid_effects"),
  ]).toEqual([0, 0]);

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
  expect(await recordOf(genuine)).toMatchObject({ outcome: "applied" });
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
  const invented = notificationBody({
    ...payment,
    orderType: "refund",
    syssn: `${payment.syssn.slice(0, 20)}999999`,
    origSyssn: payment.syssn,
    outTradeNo: `R-invented-${Date.now()}`,
    txamt: 5000,
  });
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
  const other = notificationBody({
    ...held,
    respcd: "0000",
    syssn: `${held.syssn.slice(0, 20)}777777`,
    paydtm: formatGatewayTime(new Date()),
  });
  for (let i = 0; i < 5; i++) await post(other);
  await Promise.all(Array.from({ length: 10 }, () => post(other)));
  // Two pieces of news (the first claim, the other syssn), each told once.
  expect(await eventCount(shop, orderId, "order.needs_review")).toBe(2);
});

describe("refund notifications count only as QFPay's query has them", () => {
  async function paidOrder() {
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "pay", syssn: attempt.syssn });
    await eventually(async () => (await orderOf(shop, orderId)).state === "paid");
    const payment = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
    return { orderId, attempt, payment };
  }
  const refundOf = async (outTradeNo: string) =>
    (await shop.database.db.select().from(refunds).where(eq(refunds.outTradeNo, outTradeNo)))[0];

  it("a refund the shop asked for, its answer lost, is not believed from a notification QFPay's query does not bear out", async () => {
    const { orderId, payment } = await paidOrder();
    await shop.control({ action: "fault", fault: { endpoint: "refund", kind: "http500", create: false } });
    // QFPay's records may lag its answer: the shop waits before it believes the refund never arrived.
    const asked = await refundOrder(
      { ...shop.ctx, notFoundGraceMs: 3_600_000 },
      { orderId, amount: "rest", requestKey: randomUUID(), by: "test" },
    );
    expect(asked.ok && asked.refund.state).toBe("unknown");
    const outTradeNo = asked.ok ? asked.refund.outTradeNo : "";
    const claimed = notificationBody({
      ...payment,
      orderType: "refund",
      syssn: `${payment.syssn.slice(0, 20)}888888`,
      origSyssn: payment.syssn,
      outTradeNo,
      txamt: payment.txamt,
    });
    await post(claimed);
    expect((await refundOf(outTradeNo))!.state).toBe("failed"); // QFPay never made it
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "paid", refundedTotal: 0 });
  });

  it("a 'refund' named by the payment's own number is no refund", async () => {
    const { orderId, attempt, payment } = await paidOrder();
    const claimed = notificationBody({
      ...payment,
      orderType: "refund",
      syssn: `${payment.syssn.slice(0, 20)}999998`,
      origSyssn: payment.syssn,
      outTradeNo: attempt.outTradeNo,
    });
    await post(claimed);
    expect((await refundOf(attempt.outTradeNo))!.state).toBe("failed");
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "paid", refundedTotal: 0 });
  });

  it("a refund made outside the shop counts for the amount QFPay holds, not the one its notification claims, and the order is flagged", async () => {
    const { orderId, payment } = await paidOrder();
    const outTradeNo = `R-portal-${Date.now()}`;
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } }); // QFPay's own goes out later
    const made = await shop.merchantPortal.refund({
      syssn: payment.syssn,
      out_trade_no: outTradeNo,
      txamt: 100,
      txdtm: formatGatewayTime(new Date()),
    });
    expect(made.kind).toBe("accepted");
    const refundRow = (await shop.gateway.inspect({ syssn: payment.syssn }))!.refunds.find(
      (r) => r.outTradeNo === outTradeNo,
    )!;
    expect(await post(notificationBody({ ...refundRow, txamt: payment.txamt }))).toEqual({
      status: 200,
      text: "SUCCESS",
    });
    expect(await refundOf(outTradeNo)).toMatchObject({ state: "succeeded", amount: 100 });
    const order = await orderOf(shop, orderId);
    expect(order).toMatchObject({ state: "partially_refunded", refundedTotal: 100, needsReview: true });
    expect(order.reviewReason).toBe(`A notification said refund ${outTradeNo} was 12800, but QFPay's query shows 100.`);
  });

  it("a refund notification's own time is not trusted: a nonsense txdtm still gets the refund settled", async () => {
    const { orderId, payment } = await paidOrder();
    const claimed = notificationBody({
      ...payment,
      orderType: "refund",
      syssn: `${payment.syssn.slice(0, 20)}999997`,
      origSyssn: payment.syssn,
      outTradeNo: `R-nonsense-${Date.now()}`,
      txdtm: "garbage",
    });
    await post(claimed);
    const [refund] = await shop.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(refund!.state).toBe("failed");
    // Nothing holds the payment's balance: the whole of it can still be refunded.
    const asked = await refundOrder(shop.ctx, { orderId, amount: "rest", requestKey: randomUUID(), by: "test" });
    expect(asked.ok && asked.refund.amount).toBe(payment.txamt);
  });
});
