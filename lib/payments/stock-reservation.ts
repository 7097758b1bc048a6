import { and, asc, eq, exists, gt, inArray, ne, sql } from "drizzle-orm";
import { inventory } from "../db/schema/inventory";
import { orderItems, orders } from "../db/schema/orders";
import { paymentAttempts } from "../db/schema/payments";
import { productBySku } from "../catalog/products";
import { PAYABLE_ATTEMPT_STATES } from "./state-machine";
import type { Tx } from "./transitions";

export interface WantedLine {
  sku: string;
  quantity: number;
}

/**
 * Whether the stock on hand covers these lines once every other order a shopper may still pay holds
 * its own: an order awaiting payment with an attempt QFPay may still take money for (open, or replaced
 * but not past its expiry). Nothing is stored: the hold is the attempt itself, so it ends by itself when
 * the attempt fails, expires or is paid (then the stock is taken). Locks the stock rows in sku order, so checkouts of the same goods queue
 * here one at a time, without deadlock, and every one counts the others. Returns why not, in the
 * shopper's words, or null when everything is there.
 */
export async function stockShortage(tx: Tx, wanted: readonly WantedLine[], now: Date, ownOrderId: string): Promise<string | null> {
  const quantities = new Map<string, number>();
  for (const line of wanted) quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
  const skus = [...quantities.keys()].sort();
  const onHand = await tx.select({ sku: inventory.sku, stock: inventory.stock }).from(inventory).where(inArray(inventory.sku, skus)).orderBy(asc(inventory.sku)).for("update");
  const held = await tx
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
            .where(and(eq(paymentAttempts.orderId, orders.id), inArray(paymentAttempts.state, [...PAYABLE_ATTEMPT_STATES]), gt(paymentAttempts.expiresAt, now))),
        ),
      ),
    )
    .groupBy(orderItems.sku);

  for (const sku of skus) {
    const stock = onHand.find((row) => row.sku === sku)?.stock ?? 0;
    const available = Math.max(0, stock - Number(held.find((row) => row.sku === sku)?.quantity ?? 0));
    const quantity = quantities.get(sku)!;
    if (quantity <= available) continue;
    const name = productBySku(sku)?.name ?? sku;
    return available === 0 ? `${name} is sold out.` : `Only ${available} of ${name} ${available === 1 ? "is" : "are"} left: lower the quantity to ${available}.`;
  }
  return null;
}
