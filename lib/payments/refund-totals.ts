import { capturedOf, paymentBalances } from "./payment-balances";
import { orderStateFor } from "./state-machine";
import { attemptsOf } from "./store/attempts";
import { lockOrder, setRefundedTotal } from "./store/orders";
import { refundsOf } from "./store/refunds";
import type { Tx } from "./store/transaction";
import { flagForReview, moveOrder } from "./store/transitions";
import type { Order } from "./types";

/**
 * Brings an order's refunded total in line with its succeeded refunds and, once it is paid, its state in
 * line with the money its payments still hold. `locked` is the order as the caller already locked it in
 * this transaction.
 */
export async function applyRefundTotals(tx: Tx, orderId: string, cause: string, locked?: Order): Promise<void> {
  const order = locked ?? (await lockOrder(tx, orderId));
  if (!order) return;
  const orderRefunds = await refundsOf(tx, orderId);
  const refunded = orderRefunds
    .filter((refund) => refund.state === "succeeded")
    .reduce((sum, refund) => sum + refund.amount, 0);
  if (order.state !== "paid" && order.state !== "partially_refunded" && order.state !== "refunded") {
    // Money went back before the shop saw it arrive: hold the total until the payment is confirmed.
    if (refunded !== order.refundedTotal) await setRefundedTotal(tx, orderId, refunded);
    return;
  }
  const balances = paymentBalances(await attemptsOf(tx, orderId), orderRefunds);
  const captured = capturedOf(balances);
  const target = orderStateFor(order.total, captured);
  if (target === order.state && refunded === order.refundedTotal) return;
  if (refunded !== order.refundedTotal) {
    for (const payment of balances.filter((b) => b.refunded > b.amount)) {
      await flagForReview(
        tx,
        orderId,
        `Refunds of ${payment.refunded} exceed payment ${payment.syssn} of ${payment.amount}.`,
        cause,
        { attemptId: payment.attemptId },
      );
    }
  }
  if (target === order.state) {
    await setRefundedTotal(tx, orderId, refunded);
    return;
  }
  await moveOrder(tx, orderId, target, cause, {
    set: { refundedTotal: refunded },
    detail: { refundedTotal: refunded, captured },
    from: order.state,
  });
}
