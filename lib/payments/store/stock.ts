import { and, asc, eq, exists, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { inventory } from "../../db/schema/inventory";
import { orderItems, orders } from "../../db/schema/orders";
import { paymentAttempts } from "../../db/schema/payments";
import { PRODUCTS } from "../../catalog/products";
import { PAYABLE_ATTEMPT_STATES } from "../state-machine";
import type { Tx } from "./transaction";

/** Gives every catalog sku a stock row the first time it is seen; existing stock is never reset. */
export async function seedInventory(db: Db): Promise<void> {
  await db
    .insert(inventory)
    .values(PRODUCTS.map((product) => ({ sku: product.sku, stock: product.initialStock })))
    .onConflictDoNothing();
}

/**
 * Takes an order's items out of stock; returns the skus that went below zero or have no stock row
 * (oversold). It runs inside the transaction that marks the order paid, under its locks.
 */
export async function takeStockForOrder(tx: Tx, orderId: string): Promise<string[]> {
  // One round trip. The rows are locked in sku order first, as checkout locks them
  // (lib/payments/stock-reservation.ts): an update in whatever order the join gives could deadlock with a
  // checkout of the same goods. The update reaches only rows `locked` gave, so each is locked, in sku order,
  // before it is taken from; a row changed meanwhile is taken from as it now stands (PostgreSQL rereads it).
  const result = await tx.execute(sql`
    with wanted as (
      select ${orderItems.sku} as sku, sum(${orderItems.quantity}) as quantity
      from ${orderItems} where ${orderItems.orderId} = ${orderId} group by ${orderItems.sku}
    ), locked as (
      select ${inventory.sku} as sku from ${inventory}
      where ${inventory.sku} in (select sku from wanted)
      order by ${inventory.sku} for update
    ), taken as (
      update ${inventory} set stock = ${inventory.stock} - wanted.quantity, updated_at = now()
      from wanted join locked on locked.sku = wanted.sku
      where ${inventory.sku} = wanted.sku
      returning ${inventory.sku} as sku, ${inventory.stock} as stock
    )
    select wanted.sku from wanted left join taken on taken.sku = wanted.sku
    where taken.sku is null or taken.stock < 0 order by wanted.sku`);
  // Both drivers answer a raw statement with its rows under `rows`.
  return (result as { rows: { sku: string }[] }).rows.map((row) => row.sku);
}

/** Sets the stock on hand of one sku, or of every catalog sku when none is named. */
export async function setStock(db: Db, stock: number, sku?: string): Promise<void> {
  const skus = sku ? [sku] : PRODUCTS.map((product) => product.sku);
  await db
    .insert(inventory)
    .values(skus.map((each) => ({ sku: each, stock })))
    .onConflictDoUpdate({ target: inventory.sku, set: { stock, updatedAt: sql`now()` } });
}

/** The stock of these goods, their rows locked in sku order (as takeStockForOrder locks them). */
export async function lockStock(tx: Tx, skus: string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ sku: inventory.sku, stock: inventory.stock })
    .from(inventory)
    .where(inArray(inventory.sku, [...skus].sort()))
    .orderBy(asc(inventory.sku))
    .for("update");
  return new Map(rows.map((row) => [row.sku, row.stock]));
}

/**
 * How many of each of these goods other orders hold: orders awaiting payment with an attempt QFPay may
 * still take money for (lib/payments/stock-reservation.ts says why that is the hold).
 */
export async function heldByOtherOrders(
  tx: Tx,
  skus: string[],
  now: Date,
  ownOrderId: string,
): Promise<Map<string, number>> {
  const rows = await tx
    .select({ sku: orderItems.sku, quantity: sql<string>`sum(${orderItems.quantity})` })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        inArray(orderItems.sku, skus),
        eq(orders.state, "awaiting_payment"),
        ne(orders.id, ownOrderId),
        exists(
          tx
            .select({ one: sql`1` })
            .from(paymentAttempts)
            .where(
              and(
                eq(paymentAttempts.orderId, orders.id),
                inArray(paymentAttempts.state, [...PAYABLE_ATTEMPT_STATES]),
                gt(paymentAttempts.expiresAt, now),
              ),
            ),
        ),
      ),
    )
    .groupBy(orderItems.sku);
  return new Map(rows.map((row) => [row.sku, Number(row.quantity)]));
}
