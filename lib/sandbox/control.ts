import { z } from "zod";
import { faultSchema } from "./faults";

// syssn and out_trade_no are visible ASCII at QFPay; anything else (a NUL above all, which PostgreSQL
// refuses in a query parameter) names no transaction and is refused before it reaches the database.
const visible = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]+$/);

/** What the control endpoint accepts (sandbox mode only): scripted faults and the cashier's buttons. */
const ref = { syssn: visible(64).optional(), outTradeNo: visible(128).optional() };

/** `GET ?syssn=…` or `?out_trade_no=…`: which transaction to show. */
export const inspectSchema = z.object(ref);

export const controlSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("fault"),
    fault: faultSchema,
    count: z.number().int().min(1).max(100_000).default(1),
    outTradeNo: visible(128).optional(),
  }),
  z.object({ action: z.enum(["pay", "decline", "expire"]), ...ref }),
  z.object({ action: z.literal("notify"), ...ref, copies: z.number().int().min(1).max(50).default(1) }),
  z.object({
    action: z.literal("settings"),
    timeScale: z.number().positive().max(1).optional(),
    clockOffsetMs: z
      .number()
      .int()
      .min(-400 * 86_400_000)
      .max(400 * 86_400_000)
      .optional(),
  }),
  z.object({ action: z.literal("deliver") }),
  z.object({ action: z.literal("reset") }),
]);

export type ControlCommand = z.output<typeof controlSchema>;
