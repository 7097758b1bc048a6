import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

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

export function orderUrl(siteUrl: string, orderId: string, secret: string): string {
  return `${siteUrl}/orders/${orderId}?t=${orderAccessToken(orderId, secret)}`;
}
