import { beforeEach, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { priceCart } from "@/lib/catalog/price-cart";
import { setStock, takeStockForOrder } from "@/lib/payments/store/stock";
import { retryPayment } from "@/lib/payments/retry-payment";
import { startPayment } from "@/lib/payments/start-payment";
import { eventually } from "../support/sandbox-harness";
import { isRowLocked, whileWaiting } from "../support/row-locks";
import { shopForThisFile } from "../support/shop-harness";
import { attemptsOf, orderOf, stockOf } from "../support/payments-helpers";

// Stock is held for an order from its checkout while its payment can be made, so two shoppers are never
// both taken to pay for the last teapot. On PostgreSQL the concurrent checkouts below truly race.
// Each test takes its own goods: the holds of one test's orders last past it.
const TEAPOT = "WARE-YIX-200";
const KETTLE = "WARE-KET-GLS";
const GAIWAN = "WARE-GAI-WHT";
let clockOffset = 0;
const shop = shopForThisFile({ now: () => new Date(Date.now() + clockOffset) });
beforeEach(async () => {
  clockOffset = 0;
});

let carts = 0;
function buy(qty: number, sku = TEAPOT) {
  return buyCart([{ sku, qty }]);
}

/** A checkout of these lines by a shopper of its own, with a cart of its own. */
function buyCart(lines: { sku: string; qty: number }[]) {
  const priced = priceCart(lines);
  if (!priced.ok) throw new Error(JSON.stringify(priced.problem));
  carts += 1;
  return startPayment(shop.ctx, {
    sessionId: `shopper-${carts}`,
    email: "shopper@example.com",
    items: priced.items,
    wallet: "alipayhk",
    device: "desktop",
    checkoutKey: `cart-${carts}`,
  });
}

it("refuses a checkout whose goods other shoppers are paying for, in words, and makes no order", async () => {
  await setStock(shop.database.db, 3, TEAPOT);
  const first = await buy(2);
  expect(first.ok).toBe(true);
  expect(await buy(2)).toEqual({
    ok: false,
    problem: { code: "fewLeft", sku: TEAPOT, available: 1 },
  });
  const last = await buy(1);
  expect(last.ok).toBe(true);
  expect(await buy(1)).toEqual({ ok: false, problem: { code: "soldOut", sku: TEAPOT } });
  // Holding is not taking: the stock on hand moves only when an order is paid.
  expect(await stockOf(shop.database.db, TEAPOT)).toBe(3);
});

it("releases the hold when the payment fails or expires, and a paid order keeps its goods", async () => {
  await setStock(shop.database.db, 1, KETTLE);
  const declined = await buy(1, KETTLE);
  if (!declined.ok) throw new Error(JSON.stringify(declined.problem));
  await shop.control({ action: "decline", syssn: declined.attempt.syssn });
  await shop.settle();
  const { queryAttempt } = await import("@/lib/payments/query-attempt");
  // The sandbox's notification may be confirming it at this very moment (its query claims the attempt
  // first, and this one is then too soon): asked again until QFPay's word has been applied.
  await eventually(async () => {
    await queryAttempt(shop.ctx, declined.attempt, "test");
    return (await attemptsOf(shop, declined.orderId))[0]!.state === "failed";
  });

  const lapsing = await buy(1, KETTLE);
  if (!lapsing.ok) throw new Error(JSON.stringify(lapsing.problem));
  expect((await buy(1, KETTLE)).ok).toBe(false);
  clockOffset = 31 * 60_000; // past the attempt's expiry: its QR code can no longer be paid
  const paid = await buy(1, KETTLE);
  if (!paid.ok) throw new Error(JSON.stringify(paid.problem));
  await shop.control({ action: "pay", syssn: paid.attempt.syssn });
  await shop.settle();
  await eventually(async () => {
    await queryAttempt(shop.ctx, paid.attempt, "test");
    return (await orderOf(shop, paid.orderId)).state === "paid";
  });
  expect(await stockOf(shop.database.db, KETTLE)).toBe(0);
  expect(await buy(1, KETTLE)).toEqual({ ok: false, problem: { code: "soldOut", sku: KETTLE } });
  // The order whose hold lapsed cannot start another payment for goods that are gone.
  expect(await retryPayment(shop.ctx, lapsing.orderId, "alipayhk", "mobile")).toEqual({
    ok: false,
    problem: { code: "soldOut", sku: KETTLE },
  });
});

it("a replaced QR code still holds the goods until it expires: it can still be paid", async () => {
  const CUPS = "WARE-CUP-SET";
  await setStock(shop.database.db, 1, CUPS);
  const first = await buy(1, CUPS);
  if (!first.ok) throw new Error(JSON.stringify(first.problem));
  const retried = await retryPayment(shop.ctx, first.orderId, "alipay", "desktop");
  if (!retried.ok) throw new Error(JSON.stringify(retried.problem));
  await shop.control({ action: "decline", syssn: retried.attempt.syssn });
  const { queryAttempt } = await import("@/lib/payments/query-attempt");
  await queryAttempt({ ...shop.ctx, now: () => new Date(Date.now() + 60_000) }, retried.attempt, "test");
  expect((await attemptsOf(shop, first.orderId)).map((a) => a.state)).toEqual(["superseded", "failed"]);
  expect(await buy(1, CUPS)).toEqual({ ok: false, problem: { code: "soldOut", sku: CUPS } });
  await shop.control({ action: "pay", syssn: first.attempt.syssn });
  await shop.settle();
  await queryAttempt({ ...shop.ctx, now: () => new Date(Date.now() + 120_000) }, first.attempt, "test");
  expect((await orderOf(shop, first.orderId)).state).toBe("paid");
  expect(await stockOf(shop.database.db, CUPS)).toBe(0);
});

it("20 checkouts at once for 5 gaiwans: exactly 5 orders, the rest refused", async () => {
  await setStock(shop.database.db, 5, GAIWAN);
  const results = await Promise.all(Array.from({ length: 20 }, () => buy(1, GAIWAN)));
  expect(results.filter((r) => r.ok)).toHaveLength(5);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.problem)).toEqual(
    Array(15).fill({ code: "soldOut", sku: GAIWAN }),
  );
});

it("a cart of several goods is held whole or not at all", async () => {
  await setStock(shop.database.db, 1, "GOOD-TOTE-HK");
  await setStock(shop.database.db, 5, "GOOD-TIN-SET");
  const result = await buyCart([
    { sku: "GOOD-TIN-SET", qty: 2 },
    { sku: "GOOD-TOTE-HK", qty: 2 },
  ]);
  expect(result).toEqual({ ok: false, problem: { code: "fewLeft", sku: "GOOD-TOTE-HK", available: 1 } });
  // Nothing of the refused cart holds the cups.
  const cups = await buy(5, "GOOD-TIN-SET");
  expect(cups.ok).toBe(true);
});

it("checkouts and payments of the same goods at once all go through: stock rows are locked in one order", async () => {
  const [white, green] = ["TEA-SMW-50", "TEA-LJ-50"];
  await setStock(shop.database.db, 1_000, white);
  await setStock(shop.database.db, 1_000, green);
  const cart = (first: string, second: string) =>
    buyCart([
      { sku: first, qty: 1 },
      { sku: second, qty: 2 },
    ]);
  const placed = await Promise.all(Array.from({ length: 8 }, () => cart(green, white)));
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 }, count: 8 });
  for (const order of placed) {
    if (!order.ok) throw new Error(JSON.stringify(order.problem));
    await shop.control({ action: "pay", syssn: order.attempt.syssn });
  }
  const { queryAttempt } = await import("@/lib/payments/query-attempt");
  const results = await Promise.all([
    ...placed.map((order) => order.ok && queryAttempt(shop.ctx, order.attempt, "test")),
    ...Array.from({ length: 8 }, () => cart(white, green)),
  ]);
  expect(results.slice(0, 8)).toEqual(Array(8).fill("settled"));
  expect(results.slice(8).every((result) => typeof result === "object" && result.ok)).toBe(true);
  for (const order of placed) expect(order.ok && (await orderOf(shop, order.orderId)).state).toBe("paid");
  expect([await stockOf(shop.database.db, green), await stockOf(shop.database.db, white)]).toEqual([
    1_000 - 8,
    1_000 - 16,
  ]);
});

it.runIf(process.env.TEST_DB_ENGINE === "postgres")(
  "a paid order's goods are taken in sku order, in one statement: it never holds a later row while it waits for an earlier one",
  async () => {
    // The catalog lists the oolong before the pu'er; sku order is the other way round.
    const [first, second] = ["TEA-PUE-357", "TEA-TGY-100"];
    const db = shop.database.db;
    const placed = await buyCart([
      { sku: second, qty: 1 },
      { sku: first, qty: 1 },
    ]);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problem));
    /** Whether `probe`'s row is locked while taking the order's stock waits for another's lock on `held`. */
    const lockedWhileWaitingFor = async (held: string, probe: string) => {
      const { probed, result } = await whileWaiting(
        db,
        (tx) => tx.execute(sql`select sku from inventory where sku = ${held} for update`),
        (tx) => takeStockForOrder(tx, placed.orderId),
        () => isRowLocked(db, sql`select sku from inventory where sku = ${probe} for update nowait`),
      );
      expect(result).toEqual([]);
      return probed;
    };
    expect(await lockedWhileWaitingFor(first, second)).toBe(false);
    expect(await lockedWhileWaitingFor(second, first)).toBe(true);
  },
);
