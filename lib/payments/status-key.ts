import type { OrderState } from "./types";

/**
 * Which of an order's states a shopper is told: a declined try of an order still awaiting payment reads
 * as a failed payment. Pure, so the order page's live status can put it in the page's language too.
 */
export function statusKeyOf(orderState: OrderState, latestAttemptState: string | null | undefined): OrderState {
  return orderState === "awaiting_payment" && latestAttemptState === "failed" ? "failed" : orderState;
}
