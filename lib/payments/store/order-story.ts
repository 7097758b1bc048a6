import "server-only";
import { asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { orderEvents, orderItems, orders } from "../../db/schema/orders";
import { paymentAttempts, refunds } from "../../db/schema/payments";
import { receivedNotifications } from "../../db/schema/notifications";

/** Everything that happened to one order, in order: for the merchant, not the shopper. */
export async function readOrderStory(db: Db, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const [items, attempts, orderRefunds, events] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id)),
    db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(asc(paymentAttempts.id)),
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
  ]);
  const numbers = [...attempts.map((a) => a.outTradeNo), ...orderRefunds.map((r) => r.outTradeNo)];
  const notifications = await db
    .select()
    .from(receivedNotifications)
    .where(
      numbers.length > 0
        ? or(eq(receivedNotifications.orderId, orderId), inArray(receivedNotifications.outTradeNo, numbers))
        : eq(receivedNotifications.orderId, orderId),
    )
    .orderBy(asc(receivedNotifications.firstReceivedAt), asc(receivedNotifications.id));
  return { order, items, attempts, refunds: orderRefunds, events, notifications };
}

export type OrderStory = NonNullable<Awaited<ReturnType<typeof readOrderStory>>>;
