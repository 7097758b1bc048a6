"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_QUANTITY } from "@/lib/catalog/price-cart";
import { productBySku } from "@/lib/catalog/products";
import { cartCount, changeCart, sanitizeCart, type CartChange } from "@/lib/cart/cart-lines";
import { validatedAction } from "@/lib/web/validated-action";
import { getShopSession, setCart } from "@/lib/web/session";

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
  const session = await getShopSession();
  setCart(session, changeCart(sanitizeCart(session.cart), change));
  await session.save();
  revalidatePath("/", "layout");
  return { status: "ok", message: done(product.name, cartCount(session.cart ?? [])) };
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
