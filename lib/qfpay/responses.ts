import { z } from "zod";

/**
 * QFPay's answers, validated only as far as the shop relies on them: unknown fields pass through
 * untouched because QFPay adds fields at any time.
 */

// Amounts arrive as "300" or 300 depending on endpoint and account age.
export const minorAmount = z
  .union([z.string().regex(/^\d{1,11}$/), z.number().int().nonnegative()])
  .transform((value) => Number(value));

const optionalText = z.string().optional();

// The shop sends shoppers to pay_url and draws it as a QR code: nothing but a web address may pass.
const webUrl = z.url({ protocol: /^https?$/ });

export const envelopeSchema = z.looseObject({
  respcd: z.string().regex(/^\d{4}$/),
  resperr: optionalText,
  respmsg: optionalText,
});

export const paymentAcceptedSchema = z.looseObject({
  respcd: z.literal("0000"),
  syssn: z.string().min(1),
  out_trade_no: z.string().min(1),
  txamt: minorAmount.optional(),
  txcurrcd: optionalText,
  pay_type: optionalText,
  txdtm: optionalText,
  sysdtm: optionalText,
  pay_url: webUrl.optional(),
  // 800107: the trade Alipay's in-app cashier pays; it is handed to the page's script, so nothing but a number passes.
  pay_params: z
    .looseObject({
      tradeNO: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    })
    .optional(),
  chnlsn: optionalText,
});
export type PaymentAccepted = z.infer<typeof paymentAcceptedSchema>;

export const queryItemSchema = z.looseObject({
  syssn: z.string().min(1),
  out_trade_no: optionalText,
  order_type: optionalText,
  pay_type: optionalText,
  txamt: minorAmount.optional(),
  txcurrcd: optionalText,
  txdtm: optionalText,
  sysdtm: optionalText,
  paydtm: optionalText,
  respcd: z.string().regex(/^\d{4}$/),
  errmsg: optionalText,
  cancel: z.union([z.string(), z.number()]).transform(String).optional(),
  origssn: optionalText,
  chnlsn: optionalText,
});
export type QueryItem = z.infer<typeof queryItemSchema>;

export const queryAcceptedSchema = z.looseObject({
  respcd: z.literal("0000"),
  page: z.union([z.string(), z.number()]).transform(Number).optional(),
  page_size: z.union([z.string(), z.number()]).transform(Number).optional(),
  data: z.array(queryItemSchema).default([]),
});
export type QueryAccepted = z.infer<typeof queryAcceptedSchema>;

export const refundAcceptedSchema = z.looseObject({
  respcd: z.literal("0000"),
  syssn: z.string().min(1),
  orig_syssn: optionalText,
  out_trade_no: optionalText,
  txamt: minorAmount.optional(),
  sysdtm: optionalText,
});
export type RefundAccepted = z.infer<typeof refundAcceptedSchema>;
