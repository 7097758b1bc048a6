import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { inventory } from "@/lib/db/schema/inventory";
import { priceCart } from "@/lib/catalog/price-cart";
import { orderEvents, orders } from "@/lib/db/schema/orders";
import { paymentAttempts } from "@/lib/db/schema/payments";
import { receivedNotifications } from "@/lib/db/schema/notifications";
import { sandboxTransactions } from "@/lib/db/schema/sandbox";
import type { Wallet } from "@/lib/qfpay/pay-types";
import { startPayment } from "@/lib/payments/start-payment";
import type { Device } from "@/lib/qfpay/pay-types";
import type { ShopHarness } from "./shop-harness";

export const TEA = "TEA-JAS-50"; // HK$128.00

export async function checkout(
  shop: ShopHarness,
  options: { wallet?: Wallet; device?: Device; qty?: number; sku?: string } = {},
) {
  const priced = priceCart([{ sku: options.sku ?? TEA, qty: options.qty ?? 1 }]);
  if (!priced.ok) throw new Error(JSON.stringify(priced.problem));
  const result = await startPayment(shop.ctx, {
    sessionId: "session-a",
    email: "shopper@example.com",
    items: priced.items,
    wallet: options.wallet ?? "alipayhk",
    device: options.device ?? "desktop",
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}

export async function orderOf(shop: ShopHarness, orderId: string) {
  const [order] = await shop.database.db.select().from(orders).where(eq(orders.id, orderId));
  return order!;
}

export async function attemptsOf(shop: ShopHarness, orderId: string) {
  return shop.database.db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(paymentAttempts.id);
}

export async function eventCount(shop: ShopHarness, orderId: string, type: string): Promise<number> {
  const [row] = await shop.database.db
    .select({ n: count() })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, type)));
  return row!.n;
}

export async function gatewayPaymentsFor(shop: ShopHarness, outTradeNos: string[]) {
  const rows = await shop.database.db.select().from(sandboxTransactions);
  return rows.filter((row) => outTradeNos.includes(row.outTradeNo));
}

export async function notificationRecords(shop: ShopHarness) {
  return shop.database.db.select().from(receivedNotifications).orderBy(receivedNotifications.id);
}

export async function stockOf(db: Db, sku: string): Promise<number | null> {
  const [row] = await db.select({ stock: inventory.stock }).from(inventory).where(eq(inventory.sku, sku));
  return row?.stock ?? null;
}
