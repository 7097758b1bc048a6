import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { orderEvents } from "@/lib/db/schema/orders";
import { refunds } from "@/lib/db/schema/payments";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { eventually } from "../support/sandbox-harness";
import { startShop, type ShopHarness } from "../support/shop-harness";
import { checkout, orderOf } from "../support/payments-helpers";

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

it("a signed 'paid' notification for a payment QFPay still holds as unpaid is flagged at once by the confirming query, and by a later one only once", async () => {
  const { orderId, attempt } = await checkout(shop);
  const held = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  expect(held.respcd).toBe("1143");
  const forged = notificationBody({ ...held, respcd: "0000", paydtm: formatGatewayTime(new Date()) });
  expect(await post(forged)).toEqual({ status: 200, text: "SUCCESS" });
  await shop.settle(); // the confirming query, after the answer
  const order = await orderOf(shop, orderId);
  expect(order.needsReview).toBe(true);
  expect(order.reviewReason).toMatch(/QFPay's query says it is still unpaid \(1143\): do not ship/);

  // The admin's "Query QFPay now" says the same: no second flag for the same news.
  const flags = async () => (await shop.database.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter((e) => e.type === "order.needs_review").length;
  const before = await flags();
  expect(await queryAttempt(shop.ctx, attempt, "admin")).toBe("settled");
  expect(await flags()).toBe(before);
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
