import type { Db } from "../db/connection";
import { ordersOfCheckoutKey, type CartOrder } from "./store/orders";

/** The round a checkout key names: `base` is the first, `base#2` the second... */
function roundOf(key: string | null, baseKey: string): number {
  return key === baseKey ? 1 : Number(key?.slice(baseKey.length + 1)) || 0;
}

export interface CartCheckout {
  /** The key the cart's next checkout carries: its order's, or a new round's once that order is over unpaid. */
  checkoutKey: string;
  /** The order the cart placed last, if any. */
  order: CartOrder | null;
  /** The cart was paid for: it is spent, and reads as empty. */
  spent: boolean;
}

/**
 * Where a cart stands with its orders. The cart stays until it is paid for (a shopper who declines or
 * lets the payment expire comes back to it); a cart whose order expired or failed is checked out again
 * as a new order under the next round of its key, which every submit of it computes alike, so a double
 * submit still makes one order.
 */
export async function cartCheckout(db: Db, baseKey: string): Promise<CartCheckout> {
  const placed = await ordersOfCheckoutKey(db, baseKey);
  let order: CartOrder | null = null;
  for (const candidate of placed)
    if (!order || roundOf(candidate.checkoutKey, baseKey) > roundOf(order.checkoutKey, baseKey)) order = candidate;
  if (!order) return { checkoutKey: baseKey, order: null, spent: false };
  const over = order.state === "expired" || order.state === "failed";
  return {
    checkoutKey: over ? `${baseKey}#${roundOf(order.checkoutKey, baseKey) + 1}` : order.checkoutKey!,
    order,
    spent: !over && order.state !== "awaiting_payment",
  };
}
