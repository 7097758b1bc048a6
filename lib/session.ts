import "server-only";
import { randomBytes } from "node:crypto";
import type { IronSession } from "iron-session";
import { getConfig } from "./env";
import { getSessionSecret } from "./session-secret";
import { openSealedSession } from "./sealed-session";
import type { CartLine } from "./catalog/price-cart";

/**
 * The shopper's sealed cookie: an opaque session id (which owns the orders placed with it) and the
 * cart as sku and quantity only. Prices never travel in it. A cookie that fails to unseal (tampered,
 * or sealed with another secret) reads as an empty session.
 */
export interface ShopSessionData {
  sid?: string;
  cart?: CartLine[];
}

export const SHOP_COOKIE = "shop_session";

export async function getShopSession(): Promise<IronSession<ShopSessionData>> {
  const config = getConfig();
  return openSealedSession<ShopSessionData>({
    password: await getSessionSecret(),
    cookieName: SHOP_COOKIE,
    ttl: 30 * 24 * 3600,
    cookieOptions: { httpOnly: true, secure: config.siteUrl.startsWith("https://"), sameSite: "lax", path: "/" },
  });
}

/** The session id, created on first need. The caller saves the session. */
export function ensureSessionId(session: IronSession<ShopSessionData>): string {
  session.sid ??= randomBytes(16).toString("base64url");
  return session.sid;
}
