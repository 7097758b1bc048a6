import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { inventory } from "../db/schema/inventory";
import { orderItems } from "../db/schema/orders";
import { PRODUCTS } from "../catalog/products";
import type { Tx } from "./transitions";

/** Gives every catalog sku a stock row the first time it is seen; existing stock is never reset. */
export async function seedInventory(db: Db): Promise<void> {
  await db
    .insert(inventory)
    .values(PRODUCTS.map((product) => ({ sku: product.sku, stock: product.initialStock })))
    .onConflictDoNothing();
}

/** Takes an order's items out of stock; returns the skus that went below zero (oversold). */
export async function takeStockForOrder(tx: Tx, orderId: string): Promise<string[]> {
  const items = await tx.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  const oversold: string[] = [];
  for (const item of items) {
    const [row] = await tx
      .update(inventory)
      .set({ stock: sql`${inventory.stock} - ${item.quantity}`, updatedAt: sql`now()` })
      .where(eq(inventory.sku, item.sku))
      .returning({ stock: inventory.stock });
    if (!row || row.stock < 0) oversold.push(item.sku);
  }
  return oversold;
}

export async function stockOf(db: Db, sku: string): Promise<number | null> {
  const [row] = await db.select({ stock: inventory.stock }).from(inventory).where(eq(inventory.sku, sku));
  return row?.stock ?? null;
}
