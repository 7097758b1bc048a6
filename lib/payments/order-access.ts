import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { localizedPath } from "../../i18n/localized-path";
import { isLocale, routing } from "../../i18n/routing";

/**
 * The signed link that return_url carries, so a shopper who comes back in another browser (common on
 * phones) still sees the order. It grants viewing one order and nothing else.
 */
function orderAccessToken(orderId: string, secret: string): string {
  return createHmac("sha256", secret).update(`order-access:${orderId}`).digest("base64url").slice(0, 32);
}

export function verifyOrderAccessToken(orderId: string, token: unknown, secret: string): boolean {
  if (typeof token !== "string" || token.length !== 32) return false;
  const expected = Buffer.from(orderAccessToken(orderId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The order's signed link in the language the order was placed in (a stored locale the shop no longer
 * speaks reads English), so the shopper comes back in it.
 */
export function orderUrl(siteUrl: string, orderId: string, secret: string, locale = "en"): string {
  const path = localizedPath(`/orders/${orderId}`, isLocale(locale) ? locale : routing.defaultLocale);
  return `${siteUrl}${path}?t=${orderAccessToken(orderId, secret)}`;
}
