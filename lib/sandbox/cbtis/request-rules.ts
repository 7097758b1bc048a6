import { z } from "zod";
import { readHkdAmount } from "./amount-rules";

/** The stand-in's reading of seed 003's create table: every required field, the enumerated values, HKD. */
export const createRequestSchema = z.object({
  amount: z.string().max(32),
  currency: z.literal("HKD"),
  merchant_order_id: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[\x21-\x7e]+$/),
  // Required: a blank description describes nothing.
  description: z.string().max(256).regex(/\S/, "description is required"),
  notify_url: z.url({ protocol: /^https?$/ }).optional(),
  payment_method: z.object({
    type: z.literal("alipayhk"),
    alipayhk: z.object({
      flow: z.enum(["web_qrcode", "mobile_web"]),
      payment_method: z.enum(["ALIPAYCN", "ALIPAYHK"]),
    }),
  }),
});

const visibleId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/);
export const queryRequestSchema = z
  .object({ order_id: visibleId.optional(), merchant_order_id: visibleId.optional() })
  .refine((q) => q.order_id || q.merchant_order_id, "order_id or merchant_order_id is required");

/** Why the stand-in refuses a create request, or null when it takes it. */
export function createRequestProblem(json: unknown): string | null {
  const parsed = createRequestSchema.safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
  return readHkdAmount(parsed.data.amount) === null ? "amount: a positive HKD amount with at most two decimals" : null;
}
