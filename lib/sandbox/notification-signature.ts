import { createHash } from "node:crypto";

/**
 * `X-QF-SIGN` of a notification (qfpay-api.md, "Asynchronous notifications"): uppercase hex MD5 of the
 * raw body bytes followed by the client key. The body is hashed exactly as it is sent, so the shop
 * must hash the bytes it receives, not a re-serialisation.
 */
export function notificationSignature(body: string, clientKey: string): string {
  return createHash("md5")
    .update(Buffer.from(body, "utf8"))
    .update(Buffer.from(clientKey, "utf8"))
    .digest("hex")
    .toUpperCase();
}
