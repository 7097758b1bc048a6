import { parseWebhook, type WebhookVerifier } from "../../cbtis/webhook";
import type { NotificationReading } from "../../payments/gateway";

/** The only webhook seed 003 documents; any other type is kept but not acted on. */
const PAYMENT_SUCCESS = "payment_success";

/**
 * A CBTIS webhook read for the use cases. It claims no amount and, until CBTIS's verification scheme is
 * known, proves no sender: it is a hint naming an intent, which the shop looks up and believes only as
 * CBTIS's query has it. A verifier that can tell a forgery refuses it first.
 */
export function readCbtisWebhook(
  raw: Uint8Array,
  signature: string | null,
  verify: WebhookVerifier,
): NotificationReading {
  const sender = verify(raw, signature);
  if (sender === "forged") return { kind: "forged" };
  const proven = sender === "verified";
  const parsed = parseWebhook(raw);
  if (!parsed.ok)
    return proven ? { kind: "malformed", error: parsed.error } : { kind: "unproven", detail: parsed.error };
  const { notify_type, data } = parsed.webhook;
  const fields = { notifyType: notify_type, outTradeNo: data.merchant_order_id, syssn: data.order_id };
  if (notify_type !== PAYMENT_SUCCESS) {
    const detail = `notify_type ${notify_type}: the shop acts on payment_success only`;
    return proven ? { kind: "ignored", fields, detail } : { kind: "unproven", detail };
  }
  return { kind: "hint", fields };
}
