import { z } from "zod";

/**
 * CBTIS's answers, read only as far as the shop relies on them: unknown fields pass through, since a
 * gateway adds fields at any time. The seed's own examples stray from its table (a query answered in
 * TWD): the currency is read as given and checked by whoever uses the amount.
 */

/** `code` is 0 in the seed's examples; other codes are not documented, so any other value is a refusal. */
export const envelopeSchema = z.looseObject({
  code: z.union([z.number().int(), z.string().min(1).max(64)]).transform(String),
  message: z.string().optional(),
  rid: z.string().optional(),
});

const amountText = z.union([z.string().min(1).max(32), z.number().nonnegative()]);

// The shop draws next_action.url as a QR code and sends phones to it: nothing but a web address may pass.
const webUrl = z.url({ protocol: /^https?$/ });

export const INTENT_STATUSES = ["PENDING", "SUCCEEDED", "CANCELLED"] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

export const intentCreatedSchema = z.looseObject({
  order_id: z.string().min(1).max(64),
  merchant_order_id: z.string().min(1).max(32),
  amount: amountText.optional(),
  currency: z.string().optional(),
  create_time: z.string().optional(),
  next_action: z.looseObject({ type: z.string(), url: webUrl }),
  status: z.string(),
});
export type IntentCreated = z.infer<typeof intentCreatedSchema>;

export const intentSchema = z.looseObject({
  order_id: z.string().min(1).max(64),
  merchant_order_id: z.string().min(1).max(32),
  amount: amountText,
  currency: z.string().min(1),
  status: z.enum(INTENT_STATUSES),
  create_time: z.string().optional(),
  pay_time: z.string().optional(),
  // No refund field: the seed's answer has none, and the shop guesses none (docs/cbtis.md, 8).
});
export type Intent = z.infer<typeof intentSchema>;

export const accessTokenSchema = z.looseObject({
  token: z.string().min(1).max(4096),
  expires_at: z.string().optional(),
});
