import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { orderEvents, orders } from "../db/schema/orders";
import { paymentAttempts, refunds } from "../db/schema/payments";
import type { PaymentsContext } from "./context";
import { queryAttempt } from "./query-attempt";
import { queryRefund } from "./query-refund";
import { OPEN_ATTEMPT_STATES } from "./state-machine";
import { flagForReview, moveAttempt, moveOrder } from "./transitions";

/** How long past its expiry the shop waits for QFPay's own word before it gives up on an attempt. */
export const EXPIRY_GRACE_MS = 2 * 60_000;

/** How long after its expiry a replaced attempt is still asked about, so a daily reconciliation sees it once. */
export const REPLACED_WATCH_MS = 26 * 60 * 60_000;

export interface ReconcileSummary {
  checked: number;
  queried: number;
  gatewayErrors: number;
  expiredByShop: number;
  ordersFailed: number;
  flaggedPaidTwice: number;
}

/**
 * Settles everything the gateway left open: queries each attempt still created, unknown or awaiting
 * payment, and each replaced one until a day after it expired (no more often than QFPay's spacing), gives up on those long past expiry, closes orders whose
 * last try failed long ago, and flags any order paid twice. Safe to run concurrently and repeatedly.
 */
export async function reconcile(ctx: PaymentsContext, options: { limit?: number } = {}): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { checked: 0, queried: 0, gatewayErrors: 0, expiredByShop: 0, ordersFailed: 0, flaggedPaidTwice: 0 };
  // Open attempts, and replaced ones that expired less than a day ago: a replaced QR code can still be
  // paid until it expires, and nothing else asks about it. A day and more covers a daily cron's gap.
  const open = await ctx.db
    .select()
    .from(paymentAttempts)
    .where(
      or(
        inArray(paymentAttempts.state, [...OPEN_ATTEMPT_STATES]),
        and(eq(paymentAttempts.state, "superseded"), gt(paymentAttempts.expiresAt, new Date(ctx.now().getTime() - REPLACED_WATCH_MS))),
      ),
    )
    .orderBy(asc(paymentAttempts.id))
    .limit(options.limit ?? 500);

  for (const attempt of open) {
    summary.checked += 1;
    const result = await queryAttempt(ctx, attempt, "reconcile");
    if (result === "settled") summary.queried += 1;
    if (result === "gateway_unavailable") summary.gatewayErrors += 1;
    // QFPay still calls it open (or cannot be asked), but it is long past its time: the shop gives up.
    // Should it be paid after all, the payment lands on an expired attempt and the order is flagged.
    if (OPEN_ATTEMPT_STATES.includes(attempt.state) && ctx.now().getTime() > attempt.expiresAt.getTime() + EXPIRY_GRACE_MS) {
      const gaveUp = await ctx.db.transaction(async (tx) => {
        const left = await moveAttempt(tx, attempt, "expired", "reconcile", { set: { failureCode: "expired_by_shop", failureReason: "The payment time ran out." } });
        if (left === null) return false;
        const [latest] = await tx.select({ id: paymentAttempts.id }).from(paymentAttempts).where(eq(paymentAttempts.orderId, attempt.orderId)).orderBy(desc(paymentAttempts.id)).limit(1);
        if (latest?.id === attempt.id) await moveOrder(tx, attempt.orderId, "expired", "reconcile", { attemptId: attempt.id });
        return true;
      });
      if (gaveUp) summary.expiredByShop += 1;
    }
  }

  // Orders whose last attempt failed (or was replaced and never retried) and that nobody came back to.
  const cutoff = new Date(ctx.now().getTime() - ctx.expiredMinutes * 60_000 - EXPIRY_GRACE_MS);
  const stale = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.state, "awaiting_payment"),
        lt(orders.updatedAt, cutoff),
        sql`not exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} and ${inArray(paymentAttempts.state, [...OPEN_ATTEMPT_STATES])})`,
        sql`not exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} and ${paymentAttempts.updatedAt} >= ${cutoff})`,
      ),
    );
  for (const { id } of stale) {
    const moved = await ctx.db.transaction((tx) => moveOrder(tx, id, "failed", "reconcile"));
    if (moved) summary.ordersFailed += 1;
  }

  // Refunds whose answer was lost: QFPay's word decides, as for payments.
  const openRefunds = await ctx.db.select().from(refunds).where(inArray(refunds.state, ["created", "unknown"])).orderBy(asc(refunds.id)).limit(options.limit ?? 500);
  for (const refund of openRefunds) {
    summary.checked += 1;
    const result = await queryRefund(ctx, refund, "reconcile");
    if (result === "settled") summary.queried += 1;
    if (result === "gateway_unavailable") summary.gatewayErrors += 1;
  }

  // Orders holding more than they cost (paid twice, the extra not yet refunded) that nobody has looked at
  // since their last payment: a flag the merchant resolved stays resolved until another payment lands.
  const paidTwice = await ctx.db
    .select({ orderId: orders.id, paid: count() })
    .from(orders)
    .innerJoin(paymentAttempts, and(eq(paymentAttempts.orderId, orders.id), eq(paymentAttempts.state, "paid")))
    .where(
      and(
        eq(orders.needsReview, false),
        sql`not exists (
          select 1 from ${orderEvents} resolved where resolved.order_id = ${orders.id} and resolved.type = 'order.review_resolved'
          and resolved.id > (select max(paid.id) from ${orderEvents} paid where paid.order_id = ${orders.id} and paid.type = 'attempt.paid'))`,
      ),
    )
    .groupBy(orders.id)
    .having(sql`count(*) > 1 and sum(${paymentAttempts.amount}) - ${orders.refundedTotal} > ${orders.total}`);
  for (const { orderId, paid } of paidTwice) {
    await ctx.db.transaction((tx) => flagForReview(tx, orderId, `Paid ${paid} times for one order: refund the extra payments.`, "reconcile"));
    summary.flaggedPaidTwice += 1;
  }
  return summary;
}
