import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeAuthCode } from "@/lib/alipay/oauth-token";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { inventory } from "@/lib/db/schema/inventory";
import { orders } from "@/lib/db/schema/orders";
import { paymentAttempts } from "@/lib/db/schema/payments";
import { issueAuthCode } from "@/lib/sandbox/alipay/auth-codes";
import { SANDBOX_ALIPAY_APP_ID } from "@/lib/sandbox/alipay/credentials";
import { beginAlipayAuthorisation } from "@/lib/web/alipay-authorisation";
import { returnFromAlipay } from "@/lib/web/return-from-alipay";
import type { ShopSessionData } from "@/lib/web/session";
import { stockOf, TEA } from "../support/payments-helpers";
import { startSandboxAlipayGateway, type SandboxAlipayGateway } from "../support/sandbox-alipay-gateway";
import { shopForThisFile } from "../support/shop-harness";
import type { TestDatabaseHandle } from "../support/test-database";

/*
 * One press of "Pay with Alipay" inside the Alipay app: the checkout asks Alipay's authorisation, and its
 * return (here, as many instances receive it at once) places the order and starts the 800107 payment.
 */

const shop = shopForThisFile();
let alipayGateway: SandboxAlipayGateway;

beforeAll(async () => {
  alipayGateway = await startSandboxAlipayGateway(shop.database.db);
});

afterAll(async () => {
  await alipayGateway?.close();
});

const exchange = (code: string) => exchangeAuthCode(alipayGateway.app, code);

/** A shopper with a tea in the cart who pressed "Pay with Alipay" in the Alipay app, and Alipay's answer. */
async function pressedInAlipayApp(sid: string): Promise<{ session: ShopSessionData; query: URLSearchParams }> {
  const session: ShopSessionData = { sid, cart: [{ sku: TEA, qty: 1 }], cartId: `${sid}-cart` };
  const url = new URL(
    beginAlipayAuthorisation(
      session,
      { appId: SANDBOX_ALIPAY_APP_ID, authorizePage: `${shop.server.url}/sandbox/alipay/authorize` },
      `${shop.server.url}/api/alipay/return`,
      { email: "shopper@example.com", locale: "zh-HK", pay: { device: "mobile", cart: session.cartId } },
      new Date(),
    ),
  );
  const code = await issueAuthCode(shop.database.db, SANDBOX_ALIPAY_APP_ID, "auth_base", new Date());
  const query = new URLSearchParams({ app_id: SANDBOX_ALIPAY_APP_ID, scope: "auth_base", auth_code: code });
  query.set("state", url.searchParams.get("state")!);
  return { session, query };
}

async function ordersOf(sid: string) {
  return shop.database.db.select().from(orders).where(eq(orders.ownerSessionId, sid));
}

describe("the return from Alipay's authorisation carries out the press that asked for it", () => {
  it("places the cart's order and starts its 800107 payment with the user id the exchange gave", async () => {
    const { session, query } = await pressedInAlipayApp("one-press");
    const outcome = await returnFromAlipay(shop.ctx, session, query, exchange);
    expect(outcome).toMatchObject({ kind: "linked", payment: { ok: true } });
    if (!outcome.payment?.ok) throw new Error("no payment");
    expect(outcome.payment.attempt).toMatchObject({ payType: "800107", state: "awaiting_payment", payUrl: null });
    expect(outcome.payment.attempt.tradeNo).toMatch(/^\d{28}$/);
    const [order] = await ordersOf("one-press");
    expect(order).toMatchObject({ id: outcome.payment.orderId, email: "shopper@example.com", locale: "zh-HK" });
    expect(session.alipayAuth).toBeUndefined();
    expect(session.checkoutEmail).toBe("shopper@example.com");
    // The user id went to QFPay as openid and nowhere the shop writes down.
    expect(JSON.stringify(shop.logLines)).not.toMatch(/2088\d{12}/);
    expect(JSON.stringify(order)).not.toMatch(/2088\d{12}/);
  });

  it("an order the return cannot place (sold out meanwhile) keeps why, for the checkout to say at once", async () => {
    const { session, query } = await pressedInAlipayApp("sold-out-meanwhile");
    const db = shop.database.db;
    const stock = (await stockOf(db, TEA))!;
    await db.update(inventory).set({ stock: 0 }).where(eq(inventory.sku, TEA));
    try {
      const outcome = await returnFromAlipay(shop.ctx, session, query, exchange);
      expect(outcome).toMatchObject({ kind: "linked", payment: { ok: false, problem: { code: "soldOut", sku: TEA } } });
      expect(await ordersOf("sold-out-meanwhile")).toEqual([]);
      // The checkout the shopper lands on says it, instead of "press Pay with Alipay" and the reason after.
      expect(session.alipayProblem).toEqual({ code: "soldOut", sku: TEA });
    } finally {
      await db.update(inventory).set({ stock }).where(eq(inventory.sku, TEA));
    }
    // Once paid through a later return, nothing of it is kept.
    const again = await pressedInAlipayApp("sold-out-meanwhile");
    const second = await returnFromAlipay(
      shop.ctx,
      { ...again.session, alipayProblem: session.alipayProblem },
      again.query,
      exchange,
    );
    expect(second).toMatchObject({ kind: "linked", payment: { ok: true } });
  });

  it("a cart changed while the shopper was on Alipay's page is not paid for unseen: the checkout says so", async () => {
    const { session, query } = await pressedInAlipayApp("changed-meanwhile");
    // Another tab added the Pu'er cake: the cart is another one than the press was for.
    session.cart = [...session.cart!, { sku: "TEA-PUE-357", qty: 1 }];
    session.cartId = "changed-meanwhile-cart-2";
    const outcome = await returnFromAlipay(shop.ctx, session, query, exchange);
    expect(outcome).toMatchObject({ kind: "linked", payment: { ok: false, problem: { code: "cartChanged" } } });
    expect(await ordersOf("changed-meanwhile")).toEqual([]);
    expect(session.alipayProblem).toEqual({ code: "cartChanged" });
    // Still linked: the next press pays in Alipay's cashier for the cart as it is now.
    expect(session.alipayUserId).toMatch(/^2088\d{12}$/);
  });

  it("a denied authorisation places nothing: the checkout offers Alipay's web page", async () => {
    const { session, query } = await pressedInAlipayApp("denied");
    query.delete("auth_code");
    const outcome = await returnFromAlipay(shop.ctx, session, query, exchange);
    expect(outcome).toEqual({ kind: "declined", email: "shopper@example.com", locale: "zh-HK" });
    expect(await ordersOf("denied")).toEqual([]);
  });

  it("the same return on four instances at once (a replayed cookie): one exchange, one order, one payment", async () => {
    const { session, query } = await pressedInAlipayApp("racing");
    // On PostgreSQL, each return on a pool of its own, as separate instances of the shop would be.
    const url = (shop.database as TestDatabaseHandle).url;
    const handles: DatabaseHandle[] = url
      ? await Promise.all([0, 1, 2, 3].map(() => openDatabase({ url, migrations: "check" })))
      : [];
    try {
      const outcomes = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          returnFromAlipay(
            handles[i] ? { ...shop.ctx, db: handles[i].db } : shop.ctx,
            structuredClone(session),
            query,
            exchange,
          ),
        ),
      );
      expect(outcomes.map((o) => o.kind).sort()).toEqual(["bad-state", "bad-state", "bad-state", "linked"]);
      const placed = await ordersOf("racing");
      expect(placed).toHaveLength(1);
      const attempts = await shop.database.db
        .select()
        .from(paymentAttempts)
        .where(eq(paymentAttempts.orderId, placed[0]!.id));
      expect(attempts).toHaveLength(1);
      expect(attempts[0]!.payType).toBe("800107");
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
