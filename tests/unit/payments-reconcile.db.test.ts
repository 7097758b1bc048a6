import { beforeEach, describe, expect, it } from "vitest";
import { orderItems, orders } from "@/lib/db/schema/orders";
import { paymentAttempts } from "@/lib/db/schema/payments";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { newOrderId, newOutTradeNo } from "@/lib/payments/ids";
import { readOrderStatus } from "@/lib/payments/order-status";
import { reconcile, EXPIRY_GRACE_MS, REPLACED_WATCH_MS } from "@/lib/payments/reconcile";
import { shopForThisFile } from "../support/shop-harness";
import { attemptsOf, checkout, eventCount, gatewayPaymentsFor, orderOf } from "../support/payments-helpers";
import { eventually } from "../support/sandbox-harness";

let clockOffset = 0;
const shop = shopForThisFile({ now: () => new Date(Date.now() + clockOffset) });
beforeEach(async () => {
  clockOffset = 0;
  // Each test starts with nothing open from the one before.
  await reconcile({ ...shop.ctx, now: () => new Date(Date.now() + 10 * 86_400_000) });
});

describe("reconciliation", () => {
  it("settles an attempt persisted but never sent (the process died between the two steps)", async () => {
    const orderId = newOrderId();
    const outTradeNo = newOutTradeNo("payment");
    await shop.database.db.transaction(async (tx) => {
      await tx.insert(orders).values({
        id: orderId,
        ownerSessionId: "s",
        email: "a@b.co",
        currency: "HKD",
        total: 12800,
        state: "awaiting_payment",
      });
      await tx
        .insert(orderItems)
        .values({ orderId, sku: "TEA-JAS-50", name: "Jasmine Pearls, 50 g", unitPrice: 12800, quantity: 1 });
      await tx.insert(paymentAttempts).values({
        orderId,
        outTradeNo,
        wallet: "alipayhk",
        payType: "801514",
        amount: 12800,
        currency: "HKD",
        state: "created",
        txdtm: formatGatewayTime(new Date()),
        expiresAt: new Date(Date.now() + 30 * 60_000),
      });
    });
    const summary = await reconcile(shop.ctx);
    expect(summary.queried).toBeGreaterThanOrEqual(1);
    expect((await attemptsOf(shop, orderId))[0]).toMatchObject({ state: "failed", failureCode: "not_found" });
    expect(await gatewayPaymentsFor(shop, [outTradeNo])).toHaveLength(0);
  });

  it("finds a payment whose notification never came", async () => {
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
    await shop.control({ action: "pay", syssn: attempt.syssn });
    await reconcile(shop.ctx);
    expect((await orderOf(shop, orderId)).state).toBe("paid");
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
  });

  it("learns of a decline, which QFPay never notifies", async () => {
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "decline", syssn: attempt.syssn });
    await reconcile(shop.ctx);
    expect((await attemptsOf(shop, orderId))[0]).toMatchObject({ state: "failed", failureCode: "1205" });
    expect((await readOrderStatus(shop.ctx, orderId))?.statusText).toBe("Payment failed");
  });

  it("expires what QFPay expired", async () => {
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "expire", syssn: attempt.syssn });
    await reconcile(shop.ctx);
    expect((await orderOf(shop, orderId)).state).toBe("expired");
  });

  it("gives up on an attempt long past its expiry, and if it is paid after all, records the payment and flags the order once", async () => {
    const { orderId, attempt } = await checkout(shop);
    clockOffset = 30 * 60_000 + EXPIRY_GRACE_MS + 1_000;
    const summary = await reconcile(shop.ctx);
    expect(summary.expiredByShop).toBeGreaterThanOrEqual(1);
    expect((await orderOf(shop, orderId)).state).toBe("expired");
    await shop.control({ action: "pay", syssn: attempt.syssn });
    const order = await eventually(async () =>
      (await orderOf(shop, orderId)).needsReview ? orderOf(shop, orderId) : null,
    );
    expect(order).toMatchObject({
      state: "expired",
      needsReview: true,
      reviewReason: expect.stringContaining("Paid after the order had expired"),
    });
    // QFPay's word wins: the attempt is paid (so the admin can refund it), the expired order is not.
    await shop.settle();
    await reconcile(shop.ctx);
    expect((await attemptsOf(shop, orderId))[0]).toMatchObject({ state: "paid", syssn: attempt.syssn });
    expect([
      await eventCount(shop, orderId, "attempt.paid"),
      await eventCount(shop, orderId, "order.needs_review"),
      await eventCount(shop, orderId, "order.paid"),
    ]).toEqual([1, 1, 0]);
  });

  it("an attempt given up on but paid while its order still awaits payment pays the order", async () => {
    const { orderId, attempt } = await checkout(shop);
    const { settleAttempt } = await import("@/lib/payments/settle-attempt");
    // A declined-looking answer the shop took as final (the order stays open for another try)...
    await settleAttempt(
      shop.ctx,
      attempt.id,
      { kind: "failed", syssn: attempt.syssn!, code: "1205", reason: "declined" },
      "test",
    );
    expect((await attemptsOf(shop, orderId))[0]!.state).toBe("failed");
    // ...but QFPay took the money after all.
    await shop.control({ action: "pay", syssn: attempt.syssn });
    await eventually(async () => ((await orderOf(shop, orderId)).state === "paid" ? true : null));
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "paid", needsReview: false });
    expect(await eventCount(shop, orderId, "order.paid_effects")).toBe(1);
  });

  it("finds a replaced QR code that was paid after all, even once everything expired", async () => {
    const { orderId, attempt: replaced } = await checkout(shop);
    const { retryPayment } = await import("@/lib/payments/retry-payment");
    const retried = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    if (!retried.ok) throw new Error(JSON.stringify(retried.problem));
    expect((await attemptsOf(shop, orderId))[0]!.state).toBe("superseded");
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
    await shop.control({ action: "pay", syssn: replaced.syssn });
    await shop.control({ action: "expire", syssn: retried.attempt.syssn });
    clockOffset = 20 * 60 * 60_000; // a daily cron comes long after both expired
    await reconcile(shop.ctx);
    expect((await attemptsOf(shop, orderId)).map((a) => a.state)).toEqual(["paid", "expired"]);
    expect((await orderOf(shop, orderId)).state).toBe("paid");
  });

  it("stops asking about a replaced QR code a day and more after it expired", async () => {
    const { orderId, attempt: replaced } = await checkout(shop);
    const { retryPayment } = await import("@/lib/payments/retry-payment");
    const retried = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    if (!retried.ok) throw new Error(JSON.stringify(retried.problem));
    const asked = () =>
      shop.logLines.filter(
        (line) =>
          line.event === "qfpay.call" &&
          line.endpoint === "query" &&
          String(line.outTradeNo).includes(replaced.outTradeNo),
      ).length;
    const before = asked(); // the retry asked about it once, before replacing it
    clockOffset = 25 * 60 * 60_000; // within REPLACED_WATCH_MS of its expiry: still asked about
    await reconcile(shop.ctx);
    expect(asked()).toBe(before + 1);
    clockOffset = REPLACED_WATCH_MS + 31 * 60_000; // past it: no longer
    await reconcile(shop.ctx);
    expect(asked()).toBe(before + 1);
    expect((await attemptsOf(shop, orderId)).find((a) => a.id === replaced.id)?.state).toBe("superseded");
  });

  it("closes an order whose last attempt failed long ago", async () => {
    await shop.control({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "1205" } });
    const { orderId } = await checkout(shop);
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
    clockOffset = 60 * 60_000;
    const summary = await reconcile(shop.ctx);
    expect(summary.ordersFailed).toBeGreaterThanOrEqual(1);
    expect((await orderOf(shop, orderId)).state).toBe("failed");
  });

  it("respects QFPay's spacing: one query per attempt per interval, however many callers", async () => {
    const { attempt } = await checkout(shop);
    // A minute on, past the spacing that QFPay's answer to the checkout started.
    const spaced = { ...shop.ctx, querySpacingMs: 60_000, now: () => new Date(Date.now() + 61_000) };
    const { queryAttempt } = await import("@/lib/payments/query-attempt");
    const results = await Promise.all(Array.from({ length: 5 }, () => queryAttempt(spaced, attempt, "test")));
    expect(results.filter((r) => r === "settled")).toHaveLength(1);
    expect(results.filter((r) => r === "too_soon")).toHaveLength(4);
  });

  it("reports the gateway being down without changing anything", async () => {
    const { orderId } = await checkout(shop);
    await shop.control({ action: "fault", fault: { endpoint: "query", kind: "respcd", code: "1100" }, count: 100 });
    const summary = await reconcile(shop.ctx);
    expect(summary.gatewayErrors).toBeGreaterThanOrEqual(1);
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
    expect((await attemptsOf(shop, orderId))[0]!.state).toBe("awaiting_payment");
  });
});
