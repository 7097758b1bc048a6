import { asc, desc, eq } from "drizzle-orm";
import { orderItems, orders } from "../db/schema/orders";
import { paymentAttempts, refunds } from "../db/schema/payments";
import type { PaymentsContext } from "./context";
import { queryAttempt } from "./query-attempt";
import { ORDER_STATUS_TEXT, OPEN_ATTEMPT_STATES } from "./state-machine";

export type OrderView = NonNullable<Awaited<ReturnType<typeof readOrderStatus>>>;

/** The text a shopper sees for an order, from what the payments core knows (never from a redirect). */
export function statusTextOf(orderState: keyof typeof ORDER_STATUS_TEXT, latestAttemptState: string | undefined): string {
  if (orderState === "awaiting_payment" && latestAttemptState === "failed") return ORDER_STATUS_TEXT.failed;
  return ORDER_STATUS_TEXT[orderState];
}

/**
 * The order page's one call: the order as stored, after asking QFPay about an attempt still pending
 * (at most once per spacing interval per attempt, however many pages poll).
 */
export async function readOrderStatus(ctx: PaymentsContext, orderId: string) {
  const [latest] = await ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.id)).limit(1);
  if (latest && OPEN_ATTEMPT_STATES.includes(latest.state)) await queryAttempt(ctx, latest, "status");

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
    final: order.state !== "awaiting_payment" || (current !== undefined && !OPEN_ATTEMPT_STATES.includes(current.state)),
  };
}
