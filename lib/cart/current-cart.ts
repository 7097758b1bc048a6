import "server-only";
import { priceCart, type PricedCart } from "../catalog/price-cart";
import { getShopSession } from "../web/session";
import { sanitizeCart } from "./cart-lines";

/** The visitor's cart as the server trusts it: lines that can be sold, priced from the catalog. */
export async function readCart() {
  const session = await getShopSession();
  const lines = sanitizeCart(session.cart);
  const priced: PricedCart | null = lines.length > 0 ? priceCart(lines) : null;
  return { session, lines, priced };
}
