// No "server-only": signing and verifying are pure, and tests sign with this very code (as stripe-node
// ships its test-header signer beside its verifier). The client key is the caller's secret, not this file's.
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { minorAmount } from "./responses";

const SIGNATURE = /^[0-9A-F]{32}$/;

function toBytes(body: Uint8Array | string): Buffer {
  return typeof body === "string"
    ? Buffer.from(body, "utf8")
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** The signature QFPay puts in `X-QF-SIGN`: uppercase MD5 of the raw body bytes followed by the client key. */
export function signNotificationBody(body: Uint8Array | string, clientKey: string): string {
  return createHash("md5").update(toBytes(body)).update(clientKey, "utf8").digest("hex").toUpperCase();
}

/**
 * True only when `signature` is exactly the notification signature of these bytes. Never throws: a
 * verifier that can be made to throw turns a forged request into a 500 and a retry storm.
 */
export function verifyNotificationSignature(body: unknown, signature: unknown, clientKey: unknown): boolean {
  try {
    if (typeof signature !== "string" || !SIGNATURE.test(signature)) return false;
    if (typeof clientKey !== "string" || clientKey.length === 0) return false;
    if (typeof body !== "string" && !(body instanceof Uint8Array)) return false;
    const expected = Buffer.from(signNotificationBody(body, clientKey), "ascii");
    return timingSafeEqual(expected, Buffer.from(signature, "ascii"));
  } catch {
    return false;
  }
}

// No QFPay field holds a NUL, and PostgreSQL refuses one in a query: such a notification is malformed,
// not a failed lookup that QFPay would be told to send again.
const text = z.string().regex(/^[^\u0000]*$/);

const notificationSchema = z.looseObject({
  notify_type: z.enum(["payment", "refund", "cancel"]).transform((type) => (type === "cancel" ? "refund" : type)),
  syssn: text.min(1).max(64),
  out_trade_no: text.min(1).max(128),
  txamt: minorAmount,
  txcurrcd: text.regex(/^[A-Z]{3}$/),
  respcd: text.regex(/^\d{4}$/),
  status: text.optional(),
  pay_type: text.optional(),
  txdtm: text.optional(),
  sysdtm: text.optional(),
  paydtm: text.optional(),
  cancel: text.optional(),
  orig_syssn: text.optional(),
  orig_out_trade_no: text.optional(),
  mchid: text.optional(),
  chnlsn: text.optional(),
});

/** A notification as QFPay sends it; `notify_type` is `refund` for the old name `cancel` too. */
export type QfpayNotification = z.infer<typeof notificationSchema>;

export type ParsedNotification = { ok: true; notification: QfpayNotification } | { ok: false; error: string };

/** Reads a notification body that has already been verified. Never throws. */
export function parseNotification(body: Uint8Array | string): ParsedNotification {
  let json: unknown;
  try {
    const decoded = typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body);
    json = JSON.parse(decoded);
  } catch {
    return { ok: false, error: "The notification body is not UTF-8 JSON" };
  }
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `The notification's ${issue?.path.join(".") || "body"} is missing or malformed` };
  }
  return { ok: true, notification: parsed.data };
}
