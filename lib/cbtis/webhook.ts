import { z } from "zod";

/**
 * CBTIS's webhook as seed 003 shows it: `{notify_type: "payment_success", data: {order_id,
 * merchant_order_id}}`. It names an intent and claims nothing else (no amount, no status): the shop
 * reads it as a hint to query that intent.
 */
export const webhookSchema = z.looseObject({
  notify_type: z.string().min(1).max(64),
  data: z.looseObject({
    order_id: z.string().min(1).max(64),
    merchant_order_id: z.string().min(1).max(32),
  }),
});
export type Webhook = z.infer<typeof webhookSchema>;

export type WebhookParse = { ok: true; webhook: Webhook } | { ok: false; error: string };

export function parseWebhook(raw: Uint8Array): WebhookParse {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    return { ok: false, error: "the body is not UTF-8 JSON" };
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    };
  return { ok: true, webhook: parsed.data };
}

/**
 * How a webhook's sender is verified. The seed points to a "Webhook Verify Reference" it does not include,
 * so no scheme is assumed: `"unverifiable"` leaves the webhook a hint like any other. When CBTIS's scheme
 * is known, it is one function of this type, answering `"forged"` for what fails it.
 */
export type WebhookVerifier = (raw: Uint8Array, signature: string | null) => "verified" | "unverifiable" | "forged";

export const unverifiedWebhooks: WebhookVerifier = () => "unverifiable";
