/** Codes the CBTIS gateway stores with a failed or closed attempt (CBTIS documents none of its own). */
export const CBTIS_CODES = {
  cancelled: "CANCELLED",
  unauthenticated: "auth",
  portalRefunds: "refund_in_portal",
} as const;

const REASONS: Record<string, string> = {
  CANCELLED: "The payment was cancelled, or its time ran out, before it was paid.",
  auth: "We could not reach CBTIS to start this payment. Nothing was charged. Please try again in a few minutes.",
  not_found: "We could not reach CBTIS to start this payment. Nothing was charged.",
  expired_by_shop: "The payment time ran out.",
  invalid: "The shop could not start this payment. Please try the other wallet, or contact us.",
};

/** Why a CBTIS payment did not go through, in the shopper's words (CBTIS's own message as a last resort). */
export function cbtisShopperReason(code: string | null, fallback: string | null): string {
  if (code && REASONS[code]) return REASONS[code];
  if (code) return "CBTIS did not accept this payment. Please try again or use the other wallet.";
  return fallback ?? "The payment did not go through.";
}
