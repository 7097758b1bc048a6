import type { AttemptState, OrderState, RefundState } from "./types";

/**
 * Every transition the shop allows, and nothing else. Each use case asks this module which states a
 * change may start from and writes one guarded update (`... WHERE state IN (those)`), so two callers
 * racing for the same change cannot both win. Expired and failed orders are final; within the paid
 * family the state follows the money still held (`orderStateFor`): refunds lower it, and a payment QFPay
 * confirms late (an old QR code paid after all) raises it again.
 */
const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  awaiting_payment: ["paid", "expired", "failed"],
  paid: ["partially_refunded", "refunded"],
  partially_refunded: ["paid", "partially_refunded", "refunded"],
  refunded: ["paid", "partially_refunded"],
  expired: [],
  failed: [],
};

const ATTEMPT_TRANSITIONS: Readonly<Record<AttemptState, readonly AttemptState[]>> = {
  created: ["awaiting_payment", "unknown", "paid", "failed", "expired", "superseded"],
  unknown: ["awaiting_payment", "paid", "failed", "expired", "superseded"],
  awaiting_payment: ["paid", "failed", "expired", "superseded"],
  // QFPay's word is the truth: an attempt the shop replaced, gave up on or saw fail may still be paid,
  // and that money belongs to the order.
  superseded: ["paid"],
  paid: [],
  failed: ["paid"],
  expired: ["paid"],
};

const REFUND_TRANSITIONS: Readonly<Record<RefundState, readonly RefundState[]>> = {
  created: ["unknown", "succeeded", "failed"],
  unknown: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
};

function sourcesOf<S extends string>(table: Readonly<Record<S, readonly S[]>>, to: S): S[] {
  return (Object.keys(table) as S[]).filter((from) => table[from].includes(to));
}

/** The states an order may be in for it to move to `to`. */
export function orderSourcesFor(to: OrderState): OrderState[] {
  return sourcesOf(ORDER_TRANSITIONS, to);
}

export function attemptSourcesFor(to: AttemptState): AttemptState[] {
  return sourcesOf(ATTEMPT_TRANSITIONS, to);
}

export function refundSourcesFor(to: RefundState): RefundState[] {
  return sourcesOf(REFUND_TRANSITIONS, to);
}

export function canMoveOrder(from: OrderState, to: OrderState): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function canMoveAttempt(from: AttemptState, to: AttemptState): boolean {
  return ATTEMPT_TRANSITIONS[from].includes(to);
}

/** Attempts QFPay may still pay, or whose outcome we do not know yet. */
export const OPEN_ATTEMPT_STATES: readonly AttemptState[] = ["created", "unknown", "awaiting_payment"];

/**
 * Attempts QFPay may still take money for until they expire: the open ones, and the ones the shop replaced
 * with another try (a QR code already on a phone's screen can still be paid; QFPay is never told).
 */
export const PAYABLE_ATTEMPT_STATES: readonly AttemptState[] = [...OPEN_ATTEMPT_STATES, "superseded"];

/** Where a paid order stands while the shop still holds `captured` of its payments (after refunds). */
export function orderStateFor(total: number, captured: number): "paid" | "partially_refunded" | "refunded" {
  if (captured >= total) return "paid";
  return captured <= 0 ? "refunded" : "partially_refunded";
}

export const ORDER_STATUS_TEXT: Readonly<Record<OrderState, string>> = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  expired: "Expired",
  failed: "Payment failed",
};
