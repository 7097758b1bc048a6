import { asc, desc, eq } from "drizzle-orm";
import { orderItems, orders, type OrderState } from "../db/schema/orders";
import { paymentAttempts, refunds, type AttemptState } from "../db/schema/payments";
import type { PaymentsContext } from "./context";
import { queryAttempt } from "./query-attempt";
import { ORDER_STATUS_TEXT, OPEN_ATTEMPT_STATES } from "./state-machine";

export type OrderView = NonNullable<Awaited<ReturnType<typeof readOrderStatus>>>;

/** The text a shopper sees for an order, from what the payments core knows (never from a redirect). */
export function statusTextOf(orderState: keyof typeof ORDER_STATUS_TEXT, latestAttemptState: string | undefined): string {
  if (orderState === "awaiting_payment" && latestAttemptState === "failed") return ORDER_STATUS_TEXT.failed;
  return ORDER_STATUS_TEXT[orderState];
}

/** Whether a shopper has seen the end of it: the order left awaiting_payment, or its last attempt closed. */
function isFinal(orderState: OrderState, latestAttemptState: AttemptState | undefined): boolean {
  return orderState !== "awaiting_payment" || (latestAttemptState !== undefined && !OPEN_ATTEMPT_STATES.includes(latestAttemptState));
}

/**
 * The order's latest attempt, after asking QFPay about it if it is still pending (at most once per
 * spacing interval per attempt, however many pages poll).
 */
async function latestAttemptAfterQuery(ctx: PaymentsContext, orderId: string) {
  const latest = () => ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.id)).limit(1);
  const [attempt] = await latest();
  if (attempt && OPEN_ATTEMPT_STATES.includes(attempt.state) && (await queryAttempt(ctx, attempt, "status")) === "settled") return (await latest())[0];
  return attempt;
}

/** The order page's one call: the order as stored, after asking QFPay about an attempt still pending. */
export async function readOrderStatus(ctx: PaymentsContext, orderId: string) {
  await latestAttemptAfterQuery(ctx, orderId);
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const [items, attempts, orderRefunds] = await Promise.all([
    ctx.db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id)),
    ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.id)),
    ctx.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)),
  ]);
  const current = attempts[0];
  return {
    order,
    items,
    attempt: current,
    attempts,
    refunds: orderRefunds,
    statusText: statusTextOf(order.state, current?.state),
    final: isFinal(order.state, current?.state),
  };
}

/** What the order page polls for: the same states and words as readOrderStatus, and nothing else to read. */
export async function readOrderProgress(ctx: PaymentsContext, orderId: string) {
  const attempt = await latestAttemptAfterQuery(ctx, orderId);
  const [order] = await ctx.db.select({ state: orders.state }).from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  return { state: order.state, attemptState: attempt?.state ?? null, statusText: statusTextOf(order.state, attempt?.state), final: isFinal(order.state, attempt?.state) };
}
