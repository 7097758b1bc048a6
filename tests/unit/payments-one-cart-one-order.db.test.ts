import { expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { priceCart } from "@/lib/catalog/price-cart";
import { orders } from "@/lib/db/schema/orders";
import { startPayment } from "@/lib/payments/start-payment";
import { shopForThisFile } from "../support/shop-harness";
import { gatewayPaymentsFor, TEA } from "../support/payments-helpers";
import { paymentAttempts } from "@/lib/db/schema/payments";

const shop = shopForThisFile();

function submit(checkoutKey: string, sessionId = "session-one-cart") {
  const priced = priceCart([{ sku: TEA, qty: 2 }]);
  if (!priced.ok) throw new Error(JSON.stringify(priced.problem));
  return startPayment(shop.ctx, {
    sessionId,
    email: "shopper@example.com",
    items: priced.items,
    wallet: "alipayhk",
    device: "desktop",
    checkoutKey,
  });
}

it("three submits of one cart at once make one order and one gateway payment, and all three are answered with it", async () => {
  const results = await Promise.all([
    submit("session-one-cart:cart-1"),
    submit("session-one-cart:cart-1"),
    submit("session-one-cart:cart-1"),
  ]);
  const ids = results.map((result) => (result.ok ? result.orderId : JSON.stringify(result.problem)));
  expect(new Set(ids).size).toBe(1);
  const placed = await shop.database.db.select().from(orders).where(eq(orders.checkoutKey, "session-one-cart:cart-1"));
  expect(placed).toHaveLength(1);
  expect(placed[0]!.mode).toBe("sandbox");
  const attempts = await shop.database.db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, placed[0]!.id));
  expect(attempts).toHaveLength(1);
  expect(
    await gatewayPaymentsFor(
      shop,
      attempts.map((a) => a.outTradeNo),
    ),
  ).toHaveLength(1);
});

it("another cart of the same session is another order; another session never gets this one", async () => {
  const first = await submit("session-one-cart:cart-2");
  const second = await submit("session-one-cart:cart-3");
  expect(first.ok && second.ok && first.orderId !== second.orderId).toBe(true);
  expect(await submit("session-one-cart:cart-2", "someone-else")).toEqual({
    ok: false,
    problem: { code: "checkedOutAlready" },
  });
});

it("the same cart submitted again after its payment failed is another try on the same order, not a second order", async () => {
  await shop.control({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "1100" } });
  const first = await submit("session-one-cart:cart-4");
  expect(first.ok && first.attempt.state).toBe("failed");
  const again = await submit("session-one-cart:cart-4");
  expect(again.ok && again.orderId).toBe(first.ok && first.orderId);
  expect(again.ok && again.attempt.state).toBe("awaiting_payment");
  expect(again.ok && first.ok && again.attempt.id !== first.attempt.id).toBe(true);
});
