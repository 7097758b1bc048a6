import { and, asc, count, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { orderEvents, orderItems, orders } from "../../db/schema/orders";
import { paymentAttempts } from "../../db/schema/payments";
import { OPEN_ATTEMPT_STATES } from "../state-machine";
import type { Order, OrderItem } from "../types";
import { recordEvent } from "./events";
import { ROW_LOCK, type Tx } from "./transaction";

export async function lockOrder(tx: Tx, orderId: string): Promise<Order | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for(ROW_LOCK);
  return order;
}

export async function readOrder(db: Db, orderId: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order;
}

/** Only the state: what a poll of the order page needs. */
export async function readOrderState(db: Db, orderId: string): Promise<Order["state"] | undefined> {
  const [order] = await db.select({ state: orders.state }).from(orders).where(eq(orders.id, orderId));
  return order?.state;
}

/** The session that placed the order: who may see it without a signed link. */
export async function orderOwner(db: Db, orderId: string): Promise<string | undefined> {
  const [order] = await db.select({ owner: orders.ownerSessionId }).from(orders).where(eq(orders.id, orderId));
  return order?.owner;
}

export async function itemsOf(db: Db, orderId: string): Promise<OrderItem[]> {
  return db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
}

/** The order a cart's checkout key placed, if any. */
export async function orderByCheckoutKey(
  db: Db,
  checkoutKey: string,
): Promise<Pick<Order, "id" | "ownerSessionId" | "state"> | undefined> {
  const [order] = await db
    .select({ id: orders.id, ownerSessionId: orders.ownerSessionId, state: orders.state })
    .from(orders)
    .where(eq(orders.checkoutKey, checkoutKey));
  return order;
}

export type NewOrder = Pick<Order, "id" | "ownerSessionId" | "checkoutKey" | "mode" | "email" | "currency" | "total">;

/**
 * A new order awaiting payment, with its items and its first event. False when its cart's checkout key
 * placed an order already: a submit of a cart being checked out waits here for the first one's
 * transaction, then inserts nothing. The number is the database's (a clash of two throws, for a retry).
 */
export async function insertOrder(
  tx: Tx,
  order: NewOrder,
  items: Omit<OrderItem, "id" | "orderId">[],
): Promise<boolean> {
  const [placed] = await tx
    .insert(orders)
    .values({ ...order, state: "awaiting_payment" })
    .onConflictDoNothing({ target: orders.checkoutKey })
    .returning({ id: orders.id });
  if (!placed) return false;
  await tx.insert(orderItems).values(items.map((item) => ({ orderId: order.id, ...item })));
  await recordEvent(tx, {
    orderId: order.id,
    type: "order.created",
    cause: "checkout",
    toState: "awaiting_payment",
    detail: { total: order.total, currency: order.currency },
  });
  return true;
}

/** The refunded total of an order whose state does not change with it. */
export async function setRefundedTotal(tx: Tx, orderId: string, refundedTotal: number): Promise<void> {
  await tx.update(orders).set({ refundedTotal }).where(eq(orders.id, orderId));
}

/** Clears the merchant's flag; false when the order was not flagged. */
export async function clearReview(tx: Tx, orderId: string, note: string, by: string): Promise<boolean> {
  const [cleared] = await tx
    .update(orders)
    .set({ needsReview: false, reviewReason: null, updatedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), eq(orders.needsReview, true)))
    .returning({ id: orders.id });
  if (!cleared) return false;
  await recordEvent(tx, { orderId, type: "order.review_resolved", cause: `admin:${by}`, detail: { note } });
  return true;
}

/** Orders awaiting payment since before `cutoff` with no open attempt and no attempt touched since. */
export async function abandonedOrderIds(db: Db, cutoff: Date): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.state, "awaiting_payment"),
        lt(orders.updatedAt, cutoff),
        sql`not exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} and ${inArray(paymentAttempts.state, [...OPEN_ATTEMPT_STATES])})`,
        sql`not exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} and ${paymentAttempts.updatedAt} >= ${cutoff})`,
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Orders holding more than they cost (paid twice, the extra not yet refunded) that nobody has looked at
 * since their last payment: a flag the merchant resolved stays resolved until another payment lands.
 */
export async function unreviewedOverpaidOrders(db: Db): Promise<{ orderId: string; paid: number }[]> {
  return db
    .select({ orderId: orders.id, paid: count() })
    .from(orders)
    .innerJoin(paymentAttempts, and(eq(paymentAttempts.orderId, orders.id), eq(paymentAttempts.state, "paid")))
    .where(
      and(
        eq(orders.needsReview, false),
        sql`not exists (
          select 1 from ${orderEvents} resolved where resolved.order_id = ${orders.id} and resolved.type = 'order.review_resolved'
          and resolved.id > (select max(paid.id) from ${orderEvents} paid where paid.order_id = ${orders.id} and paid.type = 'attempt.paid'))`,
      ),
    )
    .groupBy(orders.id)
    .having(sql`count(*) > 1 and sum(${paymentAttempts.amount}) - ${orders.refundedTotal} > ${orders.total}`);
}

export type CartOrder = Pick<Order, "id" | "number" | "state" | "checkoutKey">;

/**
 * Every order one cart placed: its first checkout under `baseKey`, each later one (after one expired or
 * failed) under `baseKey#2`, `#3`... A range on the unique index, not LIKE: keys hold "_".
 */
export async function ordersOfCheckoutKey(db: Db, baseKey: string): Promise<CartOrder[]> {
  return db
    .select({ id: orders.id, number: orders.number, state: orders.state, checkoutKey: orders.checkoutKey })
    .from(orders)
    .where(
      or(
        eq(orders.checkoutKey, baseKey),
        and(gte(orders.checkoutKey, `${baseKey}#`), lt(orders.checkoutKey, `${baseKey}$`)),
      ),
    );
}
