import type { ShopperProblem } from "../shopper-problem";
import { productBySku } from "./products";

export interface CartLine {
  sku: string;
  qty: number;
}

export interface PricedItem {
  sku: string;
  name: string;
  unitPrice: number;
  quantity: number;
}

/** The most of one product a single order may hold. */
export const MAX_QUANTITY = 20;
export const MAX_LINES = 30;

export type PricedCart = { ok: true; items: PricedItem[]; total: number } | { ok: false; problem: ShopperProblem };

/** Prices a cart from the catalog on the server; the cart itself carries no prices. */
export function priceCart(lines: readonly CartLine[]): PricedCart {
  if (lines.length === 0) return { ok: false, problem: { code: "cartEmpty" } };
  if (lines.length > MAX_LINES) return { ok: false, problem: { code: "cartTooManyLines", max: MAX_LINES } };
  const seen = new Set<string>();
  const items: PricedItem[] = [];
  let total = 0;
  for (const line of lines) {
    const product = productBySku(line.sku);
    if (!product) return { ok: false, problem: { code: "productGone" } };
    if (seen.has(line.sku)) return { ok: false, problem: { code: "productTwice" } };
    if (!Number.isInteger(line.qty) || line.qty < 1 || line.qty > MAX_QUANTITY) {
      return { ok: false, problem: { code: "quantityRange", max: MAX_QUANTITY } };
    }
    seen.add(line.sku);
    items.push({ sku: product.sku, name: product.name, unitPrice: product.price, quantity: line.qty });
    total += product.price * line.qty;
  }
  return { ok: true, items, total };
}
