import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { priceCart } from "@/lib/catalog/price-cart";
import { orders } from "@/lib/db/schema/orders";
import { cartCheckout } from "@/lib/payments/cart-order";
import { readOrderNumber } from "@/lib/payments/order-number";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { startPayment } from "@/lib/payments/start-payment";
import { ordersOfOwner } from "@/lib/payments/store/shopper-orders";
import { eventually } from "../support/sandbox-harness";
import { orderOf, TEA } from "../support/payments-helpers";
import { shopForThisFile } from "../support/shop-harness";

const shop = shopForThisFile();

/** What the checkout action does: the key from where the cart stands, then the payment. */
async function submitCart(sessionId: string, baseKey: string, wallet: "alipayhk" | "alipay" = "alipayhk") {
  const priced = priceCart([{ sku: TEA, qty: 1 }]);
  if (!priced.ok) throw new Error(JSON.stringify(priced.problem));
  const { checkoutKey } = await cartCheckout(shop.database.db, baseKey);
  const result = await startPayment(shop.ctx, {
    sessionId,
    email: "shopper@example.com",
    items: priced.items,
    wallet,
    device: "mobile",
    checkoutKey,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}

describe("a cart is kept until it is paid for", () => {
  it("a cart awaiting payment finds its order; once that order expires, the same cart makes one new order however often it is submitted; once paid, it is spent", async () => {
    const base = "session-rounds:cart-1";
    expect(await cartCheckout(shop.database.db, base)).toEqual({ checkoutKey: base, order: null, spent: false });

    const first = await submitCart("session-rounds", base);
    const pending = await cartCheckout(shop.database.db, base);
    expect(pending).toMatchObject({ checkoutKey: base, spent: false, order: { id: first.orderId } });
    expect(pending.order!.state).toBe("awaiting_payment");
    // A second submit while it is open: the same order, the same payment.
    const again = await submitCart("session-rounds", base);
    expect(again.orderId).toBe(first.orderId);

    await shop.control({ action: "expire", syssn: first.attempt.syssn });
    await queryAttempt(shop.ctx, first.attempt, "test");
    expect((await orderOf(shop, first.orderId)).state).toBe("expired");
    const expired = await cartCheckout(shop.database.db, base);
    expect(expired).toMatchObject({ checkoutKey: `${base}#2`, spent: false, order: { id: first.orderId } });

    // Paid another way: three submits of the cart at once make one new order.
    const retries = await Promise.all([1, 2, 3].map(() => submitCart("session-rounds", base, "alipay")));
    const second = retries[0]!;
    expect(new Set(retries.map((r) => r.orderId))).toEqual(new Set([second.orderId]));
    expect(second.orderId).not.toBe(first.orderId);
    expect(await cartCheckout(shop.database.db, base)).toMatchObject({
      checkoutKey: `${base}#2`,
      spent: false,
      order: { id: second.orderId, state: "awaiting_payment" },
    });

    await shop.control({ action: "pay", syssn: second.attempt.syssn });
    await eventually(async () => ((await orderOf(shop, second.orderId)).state === "paid" ? true : null));
    expect(await cartCheckout(shop.database.db, base)).toMatchObject({
      spent: true,
      order: { id: second.orderId, state: "paid" },
    });

    // The browser's orders: both, newest first, with their state and what "Resume payment" would resume.
    const listed = await ordersOfOwner(shop.database.db, "session-rounds");
    expect(listed.map((o) => [o.id, o.state, o.wallet])).toEqual([
      [second.orderId, "paid", "alipay"],
      [first.orderId, "expired", "alipayhk"],
    ]);
    expect(listed[0]!.items).toEqual([{ sku: "TEA-JAS-50", name: "Jasmine Pearls, 50 g", quantity: 1 }]);
    expect(await ordersOfOwner(shop.database.db, "another-session")).toEqual([]);
  });

  it("a changed cart (another key) is another order, while the first stays awaiting payment", async () => {
    const first = await submitCart("session-change", "session-change:cart-a");
    const changed = await submitCart("session-change", "session-change:cart-b");
    expect(changed.orderId).not.toBe(first.orderId);
    expect((await orderOf(shop, first.orderId)).state).toBe("awaiting_payment");
  });
});

describe("order numbers", () => {
  it("every order gets a short unique number of unambiguous characters, which reads back however it is typed", async () => {
    const placed = await Promise.all([1, 2, 3, 4, 5].map((n) => submitCart("session-numbers", `session-numbers:${n}`)));
    const rows = await Promise.all(
      placed.map(async (p) => (await shop.database.db.select().from(orders).where(eq(orders.id, p.orderId)))[0]!),
    );
    const numbers = rows.map((row) => row.number);
    for (const number of numbers) expect(number).toMatch(/^HT-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    const number = numbers[0]!;
    expect(readOrderNumber(number.toLowerCase())).toBe(number);
    expect(readOrderNumber(number.slice(3).replace("-", " "))).toBe(number);
    expect(readOrderNumber(number.replaceAll("-", ""))).toBe(number);
  });

  it("refuses what cannot be an order number", () => {
    for (const text of ["", "HT-7K3M-9Q2", "HT-7K3M-9Q2P-X", "HT-7K3M-9Q2O", "HT-1K3M-9Q2P", "P0123", "' or 1=1"])
      expect(readOrderNumber(text)).toBeNull();
  });
});
