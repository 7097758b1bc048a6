"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { redirect } from "next/navigation";
import { localizedPath } from "@/i18n/localized-path";
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

type Translate = Awaited<ReturnType<typeof getTranslations<"cart.messages">>>;

/** The product's name in the shopper's language (the cart's messages name what was added or removed). */
async function nameOf(sku: string): Promise<string> {
  const t = await getTranslations("catalog");
  return t(`products.${productBySku(sku)!.slug}.name` as "products.jasmine-pearls.name");
}

async function applyChange(
  change: CartChange,
  done: (t: Translate, name: string, count: number) => string,
): Promise<CartActionState> {
  const t = await getTranslations("cart.messages");
  const product = productBySku(change.sku);
  if (!product) return { status: "error", message: t("notInCatalog") };
  const { session, lines, checkout } = await readCart();
  // A cart that was paid for is over: what is added now starts a new one.
  if (checkout?.spent) setCart(session, []);
  const next = changeCart(lines, change);
  setCart(session, next);
  await session.save();
  revalidatePath("/", "layout");
  const count = cartCount(next);
  const limit = await capReached(t, lines, next, change);
  return limit
    ? { status: "error", message: `${limit} ${t("cartHas", { count })}` }
    : { status: "ok", message: done(t, await nameOf(product.sku), count) };
}

/** Why a change did not all fit (the per-product cap, the number of products), in the shopper's words. */
async function capReached(
  t: Translate,
  before: readonly CartLine[],
  after: readonly CartLine[],
  change: CartChange,
): Promise<string | null> {
  if (change.type !== "add") return null;
  const had = before.find((line) => line.sku === change.sku)?.qty ?? 0;
  const has = after.find((line) => line.sku === change.sku)?.qty ?? 0;
  if (has === had + change.qty) return null;
  const name = await nameOf(change.sku);
  if (has === 0) return t("tooManyLines", { max: MAX_LINES, name });
  return t("tooMany", { max: MAX_QUANTITY, has, name });
}

export const addToCartAction = validatedAction(
  {
    // The catalog's cards send no quantity: one.
    fields: z.object({ sku: skuField, qty: qtyField(1).optional() }),
    invalid: async (): Promise<CartActionState> => ({
      status: "error",
      message: (await getTranslations("cart.messages"))("chooseQuantity", { max: MAX_QUANTITY }),
    }),
  },
  ({ sku, qty = 1 }) => applyChange({ type: "add", sku, qty }, (t, name, count) => t("added", { name, count })),
);

export const updateCartQuantityAction = validatedAction(
  {
    fields: z.object({ sku: skuField, qty: qtyField(0) }),
    invalid: async (): Promise<CartActionState> => ({
      status: "error",
      message: (await getTranslations("cart.messages"))("quantityRange", { max: MAX_QUANTITY }),
    }),
  },
  ({ sku, qty }) =>
    applyChange({ type: "set", sku, qty }, (t, name) =>
      qty === 0 ? t("removed", { name }) : t("changed", { name, qty }),
    ),
);

/** "Start over" beside an order awaiting payment: the cart is emptied, and the shopper goes back to the shop. */
export const startOverAction = validatedAction(
  { fields: z.object({}), invalid: () => undefined },
  async (): Promise<void> => {
    const { session } = await readCart();
    setCart(session, []);
    await session.save();
    revalidatePath("/", "layout");
    redirect(localizedPath("/", await getLocale()));
  },
);
