/** QFPay's codes the shop explains, each a reason of its own (lib/gateways/qfpay/qfpay-shopper-reason.ts). */
export const QFPAY_EXPLAINED_CODES = [
  "1205",
  "1201",
  "1181",
  "1142",
  "1263",
  "1264",
  "1100",
  "1297",
  "1296",
  "1294",
] as const;

/**
 * The reasons a shopper may be told why a payment did not go through, each worded by the pages in the
 * shopper's language (messages/*.json "reasons.<key>"). A gateway picks one from its own code
 * (PaymentGateway.shopperReason): QFPay's explained codes keep their number as their key; the rest are the
 * shop's own. Nothing here is English, so a Chinese page never shows a sentence it cannot translate.
 */
export const SHOPPER_REASON_KEYS = [
  ...QFPAY_EXPLAINED_CODES,
  // The shop's and any gateway's.
  "not_found",
  "expired_by_shop",
  "cancelled_or_expired",
  "unreachable_retry",
  "refused_by_provider",
  "shopSide",
  "generic",
] as const;

export type ShopperReasonKey = (typeof SHOPPER_REASON_KEYS)[number];

/**
 * A reason to tell the shopper. `gatewayWords`, with "generic" only: the gateway's own (English) words for
 * a code the shop does not explain, which the English page shows instead of the generic sentence.
 */
export type ShopperReason = { key: ShopperReasonKey; gatewayWords?: string };

export function isShopperReasonKey(value: string): value is ShopperReasonKey {
  return (SHOPPER_REASON_KEYS as readonly string[]).includes(value);
}
