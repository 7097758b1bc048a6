import { QFPAY_EXPLAINED_CODES, type ShopperReason, type ShopperReasonKey } from "../../payments/shopper-reason";
import { describeStatus } from "../../qfpay/status-codes";

/** QFPay's codes (and the shop's own about a QFPay payment) that the shopper is told a reason of their own. */
const EXPLAINED: ReadonlySet<ShopperReasonKey> = new Set<ShopperReasonKey>([
  ...QFPAY_EXPLAINED_CODES,
  "not_found",
  "expired_by_shop",
]);

// Codes that mean the shop's own setup is wrong: the shopper can only try the other wallet.
export const SHOP_SIDE: ReadonlySet<string> = new Set([
  "1103",
  "1104",
  "1105",
  "1106",
  "1107",
  "1108",
  "1203",
  "1241",
  "1242",
  "1243",
  "1250",
  "1251",
  "invalid",
]);

/** Why a QFPay payment did not go through, for the shopper (QFPay's own words as a last resort, in English). */
export function shopperReason(code: string | null, fallback: string | null): ShopperReason {
  if (code && EXPLAINED.has(code as ShopperReasonKey)) return { key: code as ShopperReasonKey };
  if (code && SHOP_SIDE.has(code)) return { key: "shopSide" };
  const words = fallback ?? (code ? describeStatus(code) : null);
  return words ? { key: "generic", gatewayWords: words } : { key: "generic" };
}
