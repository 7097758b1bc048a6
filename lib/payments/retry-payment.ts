import type { Device, Wallet } from "../qfpay/pay-types";
import type { PaymentsContext } from "./context";
import { queryAttempts } from "./query-attempt";
import { goodsNameFor, newAttempt, sendAttempt, type StartPaymentResult } from "./send-attempt";
import { OPEN_ATTEMPT_STATES } from "./state-machine";
import { stockShortage } from "./stock-reservation";
import { latestAttempt, latestAttemptId } from "./store/attempts";
import { itemsOf, lockOrder } from "./store/orders";
import { transaction } from "./store/transaction";
import { moveAttempt } from "./store/transitions";
import type { Attempt } from "./types";

/**
 * Another attempt for an order still awaiting payment (a retry after a failure, the other wallet, the
 * other device). The live attempt is settled by a query first; one still payable with the same pay type
 * is reused, any other is superseded, so an order never has two attempts a shopper can be shown.
 */
export async function retryPayment(
  ctx: PaymentsContext,
  orderId: string,
  wallet: Wallet,
  device: Device,
  /** The shopper's id in the wallet's app, when they pay inside it. */
  payer?: string,
): Promise<StartPaymentResult> {
  const live = await latestAttempt(ctx.db, orderId);
  // A shopper who comes back to pay may have just declined in the wallet, which QFPay never notifies: reused
  // on the shop's older word, the attempt would send them back to a closed cashier. So the gateway is asked
  // now, even a moment after the checkout's answer stood for a query (a shopper's click, not a poller).
  if (live && OPEN_ATTEMPT_STATES.includes(live.state)) await queryAttempts(ctx, [live], "retry", { unspaced: true });

  let outcome: RetryStep = RACED;
  for (let round = 0; round < 3 && outcome === RACED; round++)
    outcome = await retryStep(ctx, orderId, wallet, device, payer);
  if (outcome === RACED) return { ok: false, problem: { code: "orderChanged" } };
  if ("reuse" in outcome) return { ok: true, orderId, attempt: outcome.reuse };
  if ("fresh" in outcome)
    return {
      ok: true,
      orderId,
      attempt: await sendAttempt(ctx, outcome.fresh, outcome.goodsName, outcome.locale, payer),
    };
  return outcome;
}

/** Another try was made on the order while this one waited for its locks: read it again. */
const RACED = Symbol("raced");
type RetryStep =
  StartPaymentResult | { reuse: Attempt } | { fresh: Attempt; goodsName: string; locale: string } | typeof RACED;

/** retryPayment's transaction: reuse the live attempt, or replace it with a fresh one (not yet sent). */
function retryStep(
  ctx: PaymentsContext,
  orderId: string,
  wallet: Wallet,
  device: Device,
  payer: string | undefined,
): Promise<RetryStep> {
  return transaction(ctx.db, async (tx): Promise<RetryStep> => {
    // Locks in the order that settling a payment takes them, the attempt and then its order: the other
    // way round, a retry and a notification of the same order deadlocked on PostgreSQL.
    const current = await latestAttempt(tx, orderId, { lock: true });
    const order = await lockOrder(tx, orderId);
    if (!order) return { ok: false, problem: { code: "orderMissing" } };
    if ((await latestAttemptId(tx, orderId)) !== current?.id) return RACED;
    if (order.state !== "awaiting_payment") return { ok: false, problem: { code: "orderClosed" } };
    const refusal = ctx.gateway.walletRefusal(wallet, device, order.total, order.currency);
    if (refusal) return { ok: false, problem: refusal };
    const payType = ctx.gateway.methodFor(wallet, device, payer);
    if (current && current.state === "awaiting_payment" && current.payType === payType && current.expiresAt > ctx.now())
      return { reuse: current };
    // The order's hold on its goods lapsed with its last attempt: others may have bought them since.
    const items = await itemsOf(tx, orderId);
    const shortage = await stockShortage(tx, items, ctx.now(), orderId);
    if (shortage) return { ok: false, problem: shortage };
    if (current && OPEN_ATTEMPT_STATES.includes(current.state)) {
      await moveAttempt(tx, current, "superseded", "retry", { detail: { by: "a new attempt" }, from: current.state });
    }
    return {
      fresh: await newAttempt(tx, ctx, orderId, order.total, wallet, device, "retry", payer),
      goodsName: goodsNameFor(items),
      // The order's language, not this click's: the receipt and the way back stay in the one it was placed in.
      locale: order.locale,
    };
  });
}
