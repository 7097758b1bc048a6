import { z } from "zod";
import { MAX_LINES, MAX_QUANTITY, type CartLine } from "../catalog/price-cart";
import { productBySku } from "../catalog/products";

const lineSchema = z.object({ sku: z.string().max(64), qty: z.number().int() });

/** What a cookie claims the cart is, reduced to lines that can be sold: unknown skus and absurd quantities go. */
export function sanitizeCart(value: unknown): CartLine[] {
  if (!Array.isArray(value)) return [];
  const lines: CartLine[] = [];
  for (const raw of value.slice(0, MAX_LINES)) {
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success || !productBySku(parsed.data.sku)) continue;
    if (parsed.data.qty < 1 || parsed.data.qty > MAX_QUANTITY) continue;
    if (lines.some((line) => line.sku === parsed.data.sku)) continue;
    lines.push(parsed.data);
  }
  return lines;
}

export type CartChange =
  | { type: "add"; sku: string; qty: number }
  | { type: "set"; sku: string; qty: number }
  | { type: "remove"; sku: string };

/** Applies one change; quantities are capped at the per-product maximum, and 0 removes the line. */
export function changeCart(lines: readonly CartLine[], change: CartChange): CartLine[] {
  const current = lines.find((line) => line.sku === change.sku)?.qty ?? 0;
  const wanted = change.type === "remove" ? 0 : change.type === "add" ? current + change.qty : change.qty;
  const qty = Math.min(Math.max(wanted, 0), MAX_QUANTITY);
  const others = lines.filter((line) => line.sku !== change.sku);
  if (qty === 0) return others;
  const next = lines.some((line) => line.sku === change.sku)
    ? lines.map((line) => (line.sku === change.sku ? { sku: line.sku, qty } : line))
    : [...lines, { sku: change.sku, qty }];
  return next.slice(0, MAX_LINES);
}

export function cartCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.qty, 0);
}
