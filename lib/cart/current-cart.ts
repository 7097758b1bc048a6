import "server-only";
import { priceCart, type PricedCart } from "../catalog/price-cart";
import { getDb } from "../db/database";
import { cartCheckout, type CartCheckout } from "../payments/cart-order";
import { checkoutKeyOf, getShopSession } from "../web/session";
import { sanitizeCart } from "./cart-lines";

/**
 * The visitor's cart as the server trusts it: lines that can be sold, priced from the catalog, and where
 * it stands with the orders it placed. A cart that was paid for reads as empty (the cookie itself is
 * rewritten by the next change: a page cannot set cookies).
 */
export async function readCart() {
  const session = await getShopSession();
  const stored = sanitizeCart(session.cart);
  const checkout: CartCheckout | null =
    stored.length > 0 && session.sid ? await cartCheckout(await getDb(), checkoutKeyOf(session, session.sid)) : null;
  const lines = checkout?.spent ? [] : stored;
  const priced: PricedCart | null = lines.length > 0 ? priceCart(lines) : null;
  return { session, lines, priced, checkout };
}
