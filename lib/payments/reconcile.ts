import type { PaymentsContext } from "./context";
import { queryAttempt } from "./query-attempt";
import { queryRefund } from "./query-refund";
import { closeAttempt } from "./settle-attempt";
import { OPEN_ATTEMPT_STATES } from "./state-machine";
import { attemptsToReconcile } from "./store/attempts";
import { abandonedOrderIds, unreviewedOverpaidOrders } from "./store/orders";
import { openRefunds } from "./store/refunds";
import { transaction } from "./store/transaction";
import { flagForReview, moveOrder } from "./store/transitions";

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
  const summary: ReconcileSummary = {
    checked: 0,
    queried: 0,
    gatewayErrors: 0,
    expiredByShop: 0,
    ordersFailed: 0,
    flaggedPaidTwice: 0,
  };
  // Open attempts, and replaced ones that expired less than a day ago: a replaced QR code can still be
  // paid until it expires, and nothing else asks about it. A day and more covers a daily cron's gap.
  const open = await attemptsToReconcile(
    ctx.db,
    new Date(ctx.now().getTime() - REPLACED_WATCH_MS),
    options.limit ?? 500,
  );

  for (const attempt of open) {
    summary.checked += 1;
    const result = await queryAttempt(ctx, attempt, "reconcile");
    if (result === "settled") summary.queried += 1;
    if (result === "gateway_unavailable") summary.gatewayErrors += 1;
    // QFPay still calls it open (or cannot be asked), but it is long past its time: the shop gives up.
    // Should it be paid after all, the payment lands on an expired attempt and the order is flagged.
    if (
      OPEN_ATTEMPT_STATES.includes(attempt.state) &&
      ctx.now().getTime() > attempt.expiresAt.getTime() + EXPIRY_GRACE_MS
    ) {
      const gaveUp = await transaction(ctx.db, (tx) =>
        closeAttempt(tx, attempt, "expired", "reconcile", {
          failureCode: "expired_by_shop",
          failureReason: "The payment time ran out.",
        }),
      );
      if (gaveUp) summary.expiredByShop += 1;
    }
  }

  // Orders whose last attempt failed (or was replaced and never retried) and that nobody came back to.
  const cutoff = new Date(ctx.now().getTime() - ctx.expiredMinutes * 60_000 - EXPIRY_GRACE_MS);
  const stale = await abandonedOrderIds(ctx.db, cutoff);
  for (const id of stale) {
    const moved = await transaction(ctx.db, (tx) => moveOrder(tx, id, "failed", "reconcile"));
    if (moved) summary.ordersFailed += 1;
  }

  // Refunds whose answer was lost: QFPay's word decides, as for payments.
  for (const refund of await openRefunds(ctx.db, options.limit ?? 500)) {
    summary.checked += 1;
    const result = await queryRefund(ctx, refund, "reconcile");
    if (result === "settled") summary.queried += 1;
    if (result === "gateway_unavailable") summary.gatewayErrors += 1;
  }

  // Orders paid twice that nobody has looked at since their last payment.
  const paidTwice = await unreviewedOverpaidOrders(ctx.db);
  for (const { orderId, paid } of paidTwice) {
    await transaction(ctx.db, (tx) =>
      flagForReview(tx, orderId, `Paid ${paid} times for one order: refund the extra payments.`, "reconcile"),
    );
    summary.flaggedPaidTwice += 1;
  }
  return summary;
}
