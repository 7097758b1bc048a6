import type { ShopperReason, ShopperReasonKey } from "../../payments/shopper-reason";

/** Codes the CBTIS gateway stores with a failed or closed attempt (CBTIS documents none of its own). */
export const CBTIS_CODES = {
  cancelled: "CANCELLED",
  unauthenticated: "auth",
  portalRefunds: "refund_in_portal",
} as const;

const REASONS: Record<string, ShopperReasonKey> = {
  CANCELLED: "cancelled_or_expired",
  auth: "unreachable_retry",
  not_found: "not_found",
  expired_by_shop: "expired_by_shop",
  invalid: "shopSide",
};

/** Why a CBTIS payment did not go through, for the shopper (CBTIS's own message as a last resort, in English). */
export function cbtisShopperReason(code: string | null, fallback: string | null): ShopperReason {
  if (code && REASONS[code]) return { key: REASONS[code] };
  if (code) return { key: "refused_by_provider" };
  return fallback ? { key: "generic", gatewayWords: fallback } : { key: "generic" };
}
