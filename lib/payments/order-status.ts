import type { PaymentsContext } from "./context";
import { queryAttempt } from "./query-attempt";
import { statusKeyOf } from "./status-key";
import { ORDER_STATUS_TEXT, OPEN_ATTEMPT_STATES } from "./state-machine";
import { attemptsOf, latestAttempt, orderStateWithLatestAttempt } from "./store/attempts";
import { itemsOf, readOrder } from "./store/orders";
import { refundsOf } from "./store/refunds";
import type { Attempt, AttemptState, OrderState } from "./types";

export type OrderView = NonNullable<Awaited<ReturnType<typeof readOrderStatus>>>;

/** The text a shopper sees for an order, from what the payments core knows (never from a redirect). */
function statusTextOf(orderState: OrderState, latestAttemptState: string | undefined): string {
  return ORDER_STATUS_TEXT[statusKeyOf(orderState, latestAttemptState)];
}

/** How a state looks: each its own colour and icon, beside its text (never the colour alone). */
export type StatusTone = "pending" | "paid" | "failed" | "expired" | "refunded";

/** The tone of the text statusTextOf gives: a declined try reads "Payment failed", and looks it. */
export function statusToneOf(orderState: OrderState, latestAttemptState?: string | null): StatusTone {
  const key = statusKeyOf(orderState, latestAttemptState);
  if (key === "awaiting_payment") return "pending";
  if (key === "partially_refunded") return "refunded";
  return key;
}

/** Whether a shopper has seen the end of it: the order left awaiting_payment, or its last attempt closed. */
function isFinal(orderState: OrderState, latestAttemptState: AttemptState | undefined): boolean {
  return (
    orderState !== "awaiting_payment" ||
    (latestAttemptState !== undefined && !OPEN_ATTEMPT_STATES.includes(latestAttemptState))
  );
}

/**
 * Asks QFPay about an attempt still open (at most once per spacing interval per attempt, however many pages
 * poll); true when its answer was applied, and what was read before is stale.
 */
async function settledByQuery(ctx: PaymentsContext, attempt: Attempt | null | undefined): Promise<boolean> {
  return (
    !!attempt &&
    OPEN_ATTEMPT_STATES.includes(attempt.state) &&
    (await queryAttempt(ctx, attempt, "status")) === "settled"
  );
}

/** The order page's one call: the order as stored, after asking QFPay about an attempt still pending. */
export async function readOrderStatus(ctx: PaymentsContext, orderId: string) {
  await settledByQuery(ctx, await latestAttempt(ctx.db, orderId));
  const order = await readOrder(ctx.db, orderId);
  if (!order) return null;
  const [items, attempts, orderRefunds] = await Promise.all([
    itemsOf(ctx.db, orderId),
    attemptsOf(ctx.db, orderId),
    refundsOf(ctx.db, orderId),
  ]);
  const current = attempts[0];
  return {
    order,
    items,
    attempt: current,
    attempts,
    refunds: orderRefunds,
    statusText: statusTextOf(order.state, current?.state),
    tone: statusToneOf(order.state, current?.state),
    final: isFinal(order.state, current?.state),
  };
}

/** What the order page polls for: the same states and words as readOrderStatus, and nothing else to read. */
export async function readOrderProgress(ctx: PaymentsContext, orderId: string) {
  const stored = await orderStateWithLatestAttempt(ctx.db, orderId);
  if (await settledByQuery(ctx, stored?.attempt)) return progressOf(await orderStateWithLatestAttempt(ctx.db, orderId));
  return progressOf(stored);
}

/**
 * The same answer from what the database holds, without asking the gateway: for a read that a committed
 * move prompted (the order's live stream), which has nothing to learn from QFPay.
 */
export async function readStoredProgress(ctx: PaymentsContext, orderId: string) {
  return progressOf(await orderStateWithLatestAttempt(ctx.db, orderId));
}

export type OrderProgress = NonNullable<Awaited<ReturnType<typeof readOrderProgress>>>;

function progressOf(stored: { state: OrderState; attempt: { state: AttemptState } | null } | undefined) {
  if (!stored) return null;
  const { state, attempt } = stored;
  return {
    state,
    attemptState: attempt?.state ?? null,
    statusText: statusTextOf(state, attempt?.state),
    tone: statusToneOf(state, attempt?.state),
    final: isFinal(state, attempt?.state),
  };
}
