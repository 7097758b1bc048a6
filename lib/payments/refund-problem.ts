/**
 * Why the shop will not refund what the admin asked, as a code with the facts a sentence needs. The
 * library decides; the admin's page words it in the admin's language
 * (app/[locale]/admin/orders/[id]/refund-problem-text.ts, messages/*.json "admin.refundProblems"), so
 * each rule lives once and no English sentence is made where a Chinese page has to show it.
 */
export type RefundProblem =
  | { code: "enterAmount" }
  /** The admin recorded a portal refund, but this gateway takes its refunds from the shop. */
  | { code: "refundedHere" }
  /** The gateway takes no refunds from the shop at all: they are made in its merchant portal. */
  | { code: "refundsInPortal"; provider: string }
  /** The gateway takes no refunds between these times (its own clock, "HH:MM"). */
  | { code: "refundPause"; provider: string; from: string; until: string }
  | { code: "orderMissing" }
  /** The form was sent again for another order, or its hidden fields were lost: a stale page. */
  | { code: "reload" }
  /** The gateway refused; `reason` is its own words as stored with the refund (free text, any language). */
  | { code: "gatewayRefused"; provider: string; reason: string | null }
  | { code: "notPaid" }
  /** The order was paid more than once and no payment was chosen. */
  | { code: "choosePayment" }
  | { code: "paymentOfOrder" }
  | { code: "refundedInFull" }
  /** More than the payment still holds: `max` minor units of `currency` are left. */
  | { code: "atMost"; max: number; currency: string }
  /** An earlier refusal said partial refunds of this payment (or of its currency) are not taken. */
  | { code: "noPartialRefunds"; of: "currency" | "payment" };

export type RefundProblemCode = RefundProblem["code"];
