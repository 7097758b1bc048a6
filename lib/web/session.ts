import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { IronSession } from "iron-session";
import { getConfig } from "../env";
import { getSessionSecret } from "../session-secret";
import type { PendingAuthorisation } from "./alipay-authorisation";
import { openSealedSession } from "./sealed-session";
import type { CartLine } from "../catalog/price-cart";
import type { ShopperProblem } from "../shopper-problem";

/**
 * The shopper's sealed cookie: an opaque session id (which owns the orders placed with it) and the
 * cart as sku and quantity only. Prices never travel in it. A cookie that fails to unseal (tampered,
 * or sealed with another secret) reads as an empty session.
 */
export interface ShopSessionData {
  sid?: string;
  cart?: CartLine[];
  /** Names what this cart holds now (the checkout's key): a new name with every change. */
  cartId?: string;
  /** Alipay's web authorisation under way (lib/web/alipay-authorisation.ts): its state is bound to this session. */
  alipayAuth?: PendingAuthorisation;
  /** The shopper's Alipay user id (QFPay's openid for 800107): sealed in the cookie, never shown or logged. */
  alipayUserId?: string;
  /** The shopper declined (or Alipay failed) the authorisation: Alipay is paid through its web page instead. */
  alipayFallback?: "declined" | "failed";
  /**
   * Why the return from Alipay's authorisation could not place the order its press asked for (sold out
   * meanwhile, ...): the checkout it lands on says so at once, not only after "Pay with Alipay" again.
   */
  alipayProblem?: ShopperProblem;
  /** The email typed before Alipay's authorisation, given back to the checkout form on return. */
  checkoutEmail?: string;
}

const SHOP_COOKIE = "shop_session";

export async function getShopSession(): Promise<IronSession<ShopSessionData>> {
  const config = getConfig();
  return openSealedSession<ShopSessionData>({
    password: await getSessionSecret(),
    cookieName: SHOP_COOKIE,
    ttl: 30 * 24 * 3600,
    cookieOptions: { httpOnly: true, secure: config.siteUrl.startsWith("https://"), sameSite: "lax", path: "/" },
  });
}

/**
 * Sets the cart. A cart is named anew whenever what it holds changes (and forgotten when emptied), so
 * that a checkout key names one content: a changed cart is a new order, while the order of the cart as
 * it was stays with that order. The caller saves the session.
 */
export function setCart(session: IronSession<ShopSessionData>, cart: CartLine[]): void {
  const changed = JSON.stringify(session.cart ?? []) !== JSON.stringify(cart);
  session.cart = cart;
  // The session is named with its first cart, so that every submit of that cart names the same owner.
  ensureSessionId(session);
  if (cart.length === 0) delete session.cartId;
  else if (changed || !session.cartId) session.cartId = randomBytes(12).toString("base64url");
}

/**
 * The key that makes one cart one order: every submit of this cart from this session carries the same.
 * A cart from before carts were named is keyed by its lines.
 */
export function checkoutKeyOf(session: ShopSessionData, sessionId: string): string {
  const cart =
    session.cartId ??
    createHash("sha256")
      .update(JSON.stringify(session.cart ?? []))
      .digest("base64url")
      .slice(0, 16);
  return `${sessionId}:${cart}`;
}

/** The session id, created on first need. The caller saves the session. */
export function ensureSessionId(session: ShopSessionData): string {
  session.sid ??= randomBytes(16).toString("base64url");
  return session.sid;
}
