import { parseNotification, verifyNotificationSignature } from "../../qfpay/notification";
import type { NotificationReading } from "../../payments/gateway";

/**
 * A QFPay notification read for the use cases: verified over its raw bytes with the client key, then
 * parsed. QFPay notifies successes only, so any other code is genuine but nothing to act on.
 */
export function readQfpayNotification(
  raw: Uint8Array,
  signature: string | null,
  clientKey: string,
): NotificationReading {
  if (!verifyNotificationSignature(raw, signature, clientKey)) return { kind: "forged" };
  const parsed = parseNotification(raw);
  if (!parsed.ok) return { kind: "malformed", error: parsed.error };
  const note = parsed.notification;
  const fields = { notifyType: note.notify_type, outTradeNo: note.out_trade_no, syssn: note.syssn };
  if (note.respcd !== "0000")
    return { kind: "ignored", fields, detail: `respcd ${note.respcd}: QFPay notifies successes only` };
  if (note.notify_type === "payment")
    return { kind: "payment", fields, claim: { syssn: note.syssn, amount: note.txamt, currency: note.txcurrcd } };
  return { kind: "refund", fields, amount: note.txamt, origin: note.orig_syssn ?? note.orig_out_trade_no };
}
