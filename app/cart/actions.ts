"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { MAX_LINES, MAX_QUANTITY, type CartLine } from "@/lib/catalog/price-cart";
import { productBySku } from "@/lib/catalog/products";
import { cartCount, changeCart, type CartChange } from "@/lib/cart/cart-lines";
import { readCart } from "@/lib/cart/current-cart";
import { validatedAction } from "@/lib/web/validated-action";
import { setCart } from "@/lib/web/session";

export interface CartActionState {
  status: "idle" | "ok" | "error";
  message: string;
}

const skuField = z.string().trim().min(1).max(64);
/**
 * Plain decimal digits only. Number() would also read "0x10", "1e1" or " 2 ", and a missing or empty
 * field as 0, which removes the line instead of being refused.
 */
const qtyField = (min: number) =>
  z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(MAX_QUANTITY));

async function applyChange(
  change: CartChange,
  done: (name: string, count: number) => string,
): Promise<CartActionState> {
  const product = productBySku(change.sku);
  if (!product) return { status: "error", message: "That product is not in our catalog." };
  const { session, lines, checkout } = await readCart();
  // A cart that was paid for is over: what is added now starts a new one.
  if (checkout?.spent) setCart(session, []);
  const next = changeCart(lines, change);
  setCart(session, next);
  await session.save();
  revalidatePath("/", "layout");
  const count = cartCount(next);
  const limit = capReached(lines, next, change);
  return limit
    ? { status: "error", message: `${limit} Your cart has ${count} item${count === 1 ? "" : "s"}.` }
    : { status: "ok", message: done(product.name, count) };
}

/** Why a change did not all fit (the per-product cap, the number of products), in the shopper's words. */
function capReached(before: readonly CartLine[], after: readonly CartLine[], change: CartChange): string | null {
  if (change.type !== "add") return null;
  const had = before.find((line) => line.sku === change.sku)?.qty ?? 0;
  const has = after.find((line) => line.sku === change.sku)?.qty ?? 0;
  if (has === had + change.qty) return null;
  const name = productBySku(change.sku)!.name;
  if (has === 0) return `Your cart holds at most ${MAX_LINES} different products: ${name} was not added.`;
  return `You can buy at most ${MAX_QUANTITY} of one product: your cart has ${has} × ${name}.`;
}

export const addToCartAction = validatedAction(
  {
    // The catalog's cards send no quantity: one.
    fields: z.object({ sku: skuField, qty: qtyField(1).optional() }),
    invalid: (): CartActionState => ({ status: "error", message: `Choose a quantity from 1 to ${MAX_QUANTITY}.` }),
  },
  ({ sku, qty = 1 }) =>
    applyChange(
      { type: "add", sku, qty },
      (name, count) => `Added ${name} to your cart (${count} item${count === 1 ? "" : "s"}).`,
    ),
);

export const updateCartQuantityAction = validatedAction(
  {
    fields: z.object({ sku: skuField, qty: qtyField(0) }),
    invalid: (): CartActionState => ({ status: "error", message: `Quantities go from 0 to ${MAX_QUANTITY}.` }),
  },
  ({ sku, qty }) =>
    applyChange({ type: "set", sku, qty }, (name) => (qty === 0 ? `Removed ${name}.` : `${name}: quantity ${qty}.`)),
);

/** "Start over" beside an order awaiting payment: the cart is emptied, and the shopper goes back to the shop. */
export const startOverAction = validatedAction(
  { fields: z.object({}), invalid: () => undefined },
  async (): Promise<void> => {
    const { session } = await readCart();
    setCart(session, []);
    await session.save();
    revalidatePath("/", "layout");
    redirect("/");
  },
);
