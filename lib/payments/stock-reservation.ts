import type { ShopperProblem } from "../shopper-problem";
import { heldByOtherOrders, lockStock } from "./store/stock";
import type { Tx } from "./store/transaction";

export interface WantedLine {
  sku: string;
  quantity: number;
}

/**
 * Whether the stock on hand covers these lines once every other order a shopper may still pay holds
 * its own: an order awaiting payment with an attempt QFPay may still take money for (open, or replaced
 * but not past its expiry). Nothing is stored: the hold is the attempt itself, so it ends by itself when
 * the attempt fails, expires or is paid (then the stock is taken). Locks the stock rows in sku order, so checkouts of the same goods queue
 * here one at a time, without deadlock, and every one counts the others. Returns why not (sold out, or how
 * many are left), or null when everything is there.
 */
export async function stockShortage(
  tx: Tx,
  wanted: readonly WantedLine[],
  now: Date,
  ownOrderId: string,
): Promise<ShopperProblem | null> {
  const quantities = new Map<string, number>();
  for (const line of wanted) quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
  const skus = [...quantities.keys()].sort();
  const onHand = await lockStock(tx, skus);
  const held = await heldByOtherOrders(tx, skus, now, ownOrderId);

  for (const sku of skus) {
    const available = Math.max(0, (onHand.get(sku) ?? 0) - (held.get(sku) ?? 0));
    const quantity = quantities.get(sku)!;
    if (quantity <= available) continue;
    return available === 0 ? { code: "soldOut", sku } : { code: "fewLeft", sku, available };
  }
  return null;
}
