import "server-only";
import { priceCart, type PricedCart } from "../catalog/price-cart";
import type { Db } from "../db/connection";
import { getDb } from "../db/database";
import { cartCheckout, type CartCheckout } from "../payments/cart-order";
import { checkoutKeyOf, getShopSession, type ShopSessionData } from "../web/session";
import { sanitizeCart } from "./cart-lines";

/**
 * A session's cart as the server trusts it: lines that can be sold, priced from the catalog, and where
 * it stands with the orders it placed. A cart that was paid for reads as empty (the cookie itself is
 * rewritten by the next change: a page cannot set cookies).
 */
export async function cartOf(db: Db, session: ShopSessionData) {
  const stored = sanitizeCart(session.cart);
  const checkout: CartCheckout | null =
    stored.length > 0 && session.sid ? await cartCheckout(db, checkoutKeyOf(session, session.sid)) : null;
  const lines = checkout?.spent ? [] : stored;
  const priced: PricedCart | null = lines.length > 0 ? priceCart(lines) : null;
  return { lines, priced, checkout };
}

/** The visitor's cart, read from this request's session. */
export async function readCart() {
  const session = await getShopSession();
  return { session, ...(await cartOf(await getDb(), session)) };
}
