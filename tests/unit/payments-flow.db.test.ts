import { describe, expect, it } from "vitest";
import { eventually } from "../support/sandbox-harness";
import { shopForThisFile } from "../support/shop-harness";
import {
  attemptsOf,
  checkout,
  eventCount,
  gatewayPaymentsFor,
  orderOf,
  stockOf,
  TEA,
} from "../support/payments-helpers";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { readOrderStatus } from "@/lib/payments/order-status";
import { retryPayment } from "@/lib/payments/retry-payment";
import type { Wallet } from "@/lib/qfpay/pay-types";

const shop = shopForThisFile();

async function waitForState(orderId: string, state: string) {
  return eventually(async () => {
    const order = await orderOf(shop, orderId);
    return order.state === state ? order : null;
  });
}

describe("starting a payment", () => {
  it.each<[Wallet, "desktop" | "mobile", string]>([
    ["alipayhk", "desktop", "801514"],
    ["alipayhk", "mobile", "801512"],
    ["alipay", "desktop", "801101"],
    ["alipay", "mobile", "801107"],
  ])("%s on %s: %s, paid once through the notification", async (wallet, device, payType) => {
    const stockBefore = (await stockOf(shop.database.db, TEA))!;
    const { orderId, attempt } = await checkout(shop, { wallet, device, qty: 2 });
    expect(attempt).toMatchObject({ state: "awaiting_payment", payType, amount: 25600, currency: "HKD" });
    expect(attempt.payUrl).toMatch(/\/sandbox\/cashier\/\d{26}$/);
    expect(attempt.syssn).toMatch(/^\d{26}$/);

    const sent = await shop.gateway.inspect({ outTradeNo: attempt.outTradeNo });
    expect(sent?.transaction.returnUrl).toMatch(new RegExp(`^${shop.server.url}/orders/${orderId}\\?t=[\\w-]{32}$`));
    if (device === "mobile") expect(sent!.transaction.returnUrl!.length).toBeLessThanOrEqual(200);

    await shop.control({ action: "pay", syssn: attempt.syssn });
    const order = await waitForState(orderId, "paid");
    await shop.settle();
    expect(order.paidAt).not.toBeNull();
    expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore - 2);
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
    expect((await attemptsOf(shop, orderId))[0]!.state).toBe("paid");
  });

  it("a desktop checkout and the order page it leads to make one call to QFPay, not a second query for what it just said", async () => {
    const calls: string[] = [];
    const { gateway } = shop.ctx;
    const spacing = shop.ctx.querySpacingMs;
    Object.assign(shop.ctx, {
      querySpacingMs: 3_000, // as the running shop spaces its queries
      gateway: {
        ...gateway,
        startPayment: (...args: Parameters<typeof gateway.startPayment>) => (
          calls.push("payment"),
          gateway.startPayment(...args)
        ),
        lookUpPayments: (...args: Parameters<typeof gateway.lookUpPayments>) => (
          calls.push("query"),
          gateway.lookUpPayments(...args)
        ),
      },
    });
    try {
      const { orderId } = await checkout(shop, { device: "desktop" });
      expect((await readOrderStatus(shop.ctx, orderId))?.statusText).toBe("Awaiting payment");
      expect(calls).toEqual(["payment"]);
    } finally {
      Object.assign(shop.ctx, { gateway, querySpacingMs: spacing });
    }
  });

  it("refuses a total below a pay type's minimum before creating anything", async () => {
    const { priceCart } = await import("@/lib/catalog/price-cart");
    const { startPayment } = await import("@/lib/payments/start-payment");
    const priced = priceCart([{ sku: TEA, qty: 1 }]);
    if (!priced.ok) throw new Error();
    const cheap = [{ ...priced.items[0]!, unitPrice: 100 }];
    const result = await startPayment(shop.ctx, {
      sessionId: "s",
      email: "a@b.co",
      items: cheap,
      wallet: "alipay",
      device: "desktop",
    });
    expect(result).toEqual({
      ok: false,
      problem: { code: "walletMinimum", wallet: "alipay", minimum: 100, currency: "HKD" },
    });
  });
});

describe("unknown outcomes are settled by query, never by sending again", () => {
  it("1143 then 0000: paid on the second query", async () => {
    await shop.control({
      action: "fault",
      fault: { endpoint: "payment", kind: "pending", code: "1143", afterQueries: 1, settle: "paid" },
    });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt.state).toBe("unknown");
    expect(await queryAttempt(shop.ctx, attempt, "test")).toBe("settled");
    await waitForState(orderId, "paid");
    expect(await gatewayPaymentsFor(shop, [attempt.outTradeNo])).toHaveLength(1);
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
  });

  it.each(["1295", "1296", "1297", "1298"] as const)(
    'created, then answered %s ("do not pay again, confirm later"): unknown, then paid by query, never resent',
    async (code) => {
      await shop.control({
        action: "fault",
        fault: { endpoint: "payment", kind: "pending", code, afterQueries: 1, settle: "paid" },
      });
      const { orderId, attempt } = await checkout(shop);
      expect(attempt.state).toBe("unknown");
      expect(await queryAttempt(shop.ctx, attempt, "test")).toBe("settled");
      await waitForState(orderId, "paid");
      expect(await gatewayPaymentsFor(shop, [attempt.outTradeNo])).toHaveLength(1);
    },
  );

  it("1145 forever: pending on every query until it expires", async () => {
    await shop.control({
      action: "fault",
      fault: { endpoint: "payment", kind: "pending", code: "1145", afterQueries: 0, settle: "never" },
    });
    const { orderId, attempt } = await checkout(shop);
    for (let i = 0; i < 3; i++) {
      await queryAttempt(shop.ctx, attempt, "test");
      expect((await attemptsOf(shop, orderId))[0]!.state).toBe("unknown");
    }
    await shop.control({ action: "expire", syssn: attempt.syssn });
    await queryAttempt(shop.ctx, attempt, "test");
    const [settled] = await attemptsOf(shop, orderId);
    expect(settled).toMatchObject({ state: "expired", failureCode: "1181" });
    expect((await orderOf(shop, orderId)).state).toBe("expired");
    expect(await gatewayPaymentsFor(shop, [attempt.outTradeNo])).toHaveLength(1);
  });

  it.each(["timeout", "http500", "truncated"] as const)(
    "a %s on create: one attempt, one gateway payment, resolved by query",
    async (kind) => {
      await shop.control({ action: "fault", fault: { endpoint: "payment", kind, delayMs: 3_000 } });
      const { orderId, attempt } = await checkout(shop);
      expect(attempt.state).toBe("unknown");
      // The gateway did create it: once paid, the query (not a resend) finds out.
      const created = await gatewayPaymentsFor(shop, [attempt.outTradeNo]);
      expect(created).toHaveLength(1);
      await shop.control({ action: "pay", syssn: created[0]!.syssn });
      await waitForState(orderId, "paid");
      expect(await attemptsOf(shop, orderId)).toHaveLength(1);
      expect(await gatewayPaymentsFor(shop, [attempt.outTradeNo])).toHaveLength(1);
    },
  );

  it("a 500 before anything was created: the query finds nothing and the attempt fails cleanly", async () => {
    await shop.control({ action: "fault", fault: { endpoint: "payment", kind: "http500", create: false } });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt).toMatchObject({ state: "failed", failureCode: "not_found" });
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
    expect(await gatewayPaymentsFor(shop, [attempt.outTradeNo])).toHaveLength(0);
  });

  it("created then dropped the connection: resolved by query to paid", async () => {
    await shop.control({ action: "fault", fault: { endpoint: "payment", kind: "drop" } });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt.state).toBe("unknown");
    const [gatewayTx] = await gatewayPaymentsFor(shop, [attempt.outTradeNo]);
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 60_000 } });
    await shop.control({ action: "pay", syssn: gatewayTx!.syssn });
    const view = await readOrderStatus(shop.ctx, orderId);
    expect(view?.order.state).toBe("paid");
    expect(view?.statusText).toBe("Paid");
    expect(await attemptsOf(shop, orderId)).toHaveLength(1);
  });

  it("a gateway refusal fails the attempt with plain words, and a retry uses a new number", async () => {
    await shop.control({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "1100" } });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt).toMatchObject({ state: "failed", failureCode: "1100", failureReason: "System under maintenance" });
    expect((await readOrderStatus(shop.ctx, orderId))?.statusText).toBe("Payment failed");
    const retried = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    expect(retried.ok && retried.attempt).toMatchObject({ state: "awaiting_payment", payType: "801101" });
    expect(retried.ok && retried.attempt.outTradeNo).not.toBe(attempt.outTradeNo);
  });
});

describe("one live attempt per order", () => {
  it("reuses a payable attempt for the same pay type, and supersedes it for another", async () => {
    const { orderId, attempt } = await checkout(shop);
    const same = await retryPayment(shop.ctx, orderId, "alipayhk", "desktop");
    expect(same.ok && same.attempt.id).toBe(attempt.id);
    const other = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    expect(other.ok && other.attempt.id).not.toBe(attempt.id);
    const attempts = await attemptsOf(shop, orderId);
    expect(attempts.map((a) => a.state)).toEqual(["superseded", "awaiting_payment"]);
  });

  it("settles the live attempt first: a retry after it was paid does not start another", async () => {
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 60_000 } });
    await shop.control({ action: "pay", syssn: attempt.syssn });
    const retried = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    expect(retried).toEqual({ ok: false, problem: { code: "orderClosed" } });
    expect((await orderOf(shop, orderId)).state).toBe("paid");
    expect(await attemptsOf(shop, orderId)).toHaveLength(1);
  });

  it("a retry a moment after a decline, within QFPay's spacing, starts a fresh attempt instead of reopening the declined one", async () => {
    // Spaced as the running shop is: the checkout's answer just now stands for a query, and QFPay never
    // notifies a decline, so only asking again shows the attempt is closed.
    const spaced = { ...shop.ctx, querySpacingMs: 3_000 };
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "decline", syssn: attempt.syssn });
    const retried = await retryPayment(spaced, orderId, "alipayhk", "desktop");
    expect(retried.ok && retried.attempt.id).not.toBe(attempt.id);
    expect((await attemptsOf(shop, orderId)).map((a) => a.state)).toEqual(["failed", "awaiting_payment"]);
  });

  it("flags an order whose replaced QR code was paid too", async () => {
    const { orderId, attempt } = await checkout(shop);
    const other = await retryPayment(shop.ctx, orderId, "alipay", "desktop");
    if (!other.ok) throw new Error(JSON.stringify(other.problem));
    await shop.control({ action: "pay", syssn: other.attempt.syssn });
    await waitForState(orderId, "paid");
    await shop.control({ action: "pay", syssn: attempt.syssn });
    const flagged = await eventually(async () =>
      (await orderOf(shop, orderId)).needsReview ? orderOf(shop, orderId) : null,
    );
    expect(flagged.reviewReason).toMatch(/twice/);
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
  });
});
