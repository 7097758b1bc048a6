import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { orderItems, orders } from "../../db/schema/orders";
import { paymentAttempts } from "../../db/schema/payments";
import type { AttemptState, OrderState } from "../types";
import type { Wallet } from "../../qfpay/pay-types";

export interface ShopperOrder {
  id: string;
  number: string;
  state: OrderState;
  total: number;
  currency: string;
  createdAt: Date;
  /** The order's lines (the page names each in its language, from the sku, and writes "2 × name"). */
  items: { sku: string; name: string; quantity: number }[];
  /** The latest attempt's wallet and state: what "Resume payment" resumes. */
  wallet: Wallet | null;
  attemptState: AttemptState | null;
}

/** The orders one browser's session placed, newest first, with what a list of them shows. */
export async function ordersOfOwner(db: Db, ownerSessionId: string, limit = 50): Promise<ShopperOrder[]> {
  const placed = await db
    .select()
    .from(orders)
    .where(eq(orders.ownerSessionId, ownerSessionId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  if (placed.length === 0) return [];
  const ids = placed.map((order) => order.id);
  const [items, attempts] = await Promise.all([
    db.select().from(orderItems).where(inArray(orderItems.orderId, ids)).orderBy(orderItems.id),
    db
      .select({ orderId: paymentAttempts.orderId, wallet: paymentAttempts.wallet, state: paymentAttempts.state })
      .from(paymentAttempts)
      .where(inArray(paymentAttempts.orderId, ids))
      .orderBy(desc(paymentAttempts.id)),
  ]);
  return placed.map((order) => {
    const latest = attempts.find((attempt) => attempt.orderId === order.id);
    return {
      id: order.id,
      number: order.number,
      state: order.state,
      total: order.total,
      currency: order.currency,
      createdAt: order.createdAt,
      items: items
        .filter((item) => item.orderId === order.id)
        .map(({ sku, name, quantity }) => ({ sku, name, quantity })),
      wallet: latest?.wallet ?? null,
      attemptState: latest?.state ?? null,
    };
  });
}
