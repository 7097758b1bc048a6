import type { PaymentsContext } from "./context";
import type { GatewayTruth } from "./gateway";
import { confirms, contradiction, type PaymentClaim } from "./payment-claim";
import { applyPaid } from "./apply-payment";
import { latestAttemptId, lockAttemptWithOrder, updateAttemptDetails } from "./store/attempts";
import { transaction, type Tx } from "./store/transaction";
import { flagForReviewOnce, moveAttempt, moveOrder } from "./store/transitions";
import type { Attempt, Order } from "./types";
/**
 * Applies what QFPay says about an attempt, in one transaction. Safe to call any number of times, in any
 * order, concurrently: the guarded transitions let exactly one caller take each step, and the side
 * effects of `paid` (stock, the `order.paid` event) happen with the order's own transition, once. For each
 * of the `claims` of signed notifications that QFPay's word does not bear out, the order is flagged at
 * once: the payment counts only as the query has it.
 */
export async function settleAttempt(
  ctx: PaymentsContext,
  attemptId: number,
  truth: GatewayTruth,
  cause: string,
  claims: readonly PaymentClaim[] = [],
): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const locked = await lockAttemptWithOrder(tx, attemptId);
    if (!locked) return;
    const { attempt, order } = locked;
    await applyTruth(tx, ctx, attempt, order, truth, cause);
    // Once QFPay's word is applied, each signed claim it does not bear out is told to the merchant.
    for (const claim of claims.filter((each) => !confirms(truth, each))) {
      await flagContradiction(tx, attempt, order, claim, truth, "confirmation", "notification");
    }
  });
}

/**
 * What QFPay says about a locked attempt, applied as the state machine allows (what it returns is not used).
 * `order` is its order, locked with it.
 */
async function applyTruth(
  tx: Tx,
  ctx: PaymentsContext,
  attempt: Attempt,
  order: Order,
  truth: GatewayTruth,
  cause: string,
): Promise<unknown> {
  if (attempt.state === "paid" && truth.kind !== "paid") return contradictPaid(tx, ctx, attempt, order, truth, cause);
  switch (truth.kind) {
    case "paid":
      return applyPaid(tx, ctx, attempt, order, truth, cause);
    case "pending":
      // A created attempt QFPay holds was sent, but its answer was lost (a crash, a dropped connection):
      // it is unknown until QFPay settles it, and the shopper is offered a fresh start meanwhile.
      if (attempt.state === "created") {
        await moveAttempt(tx, attempt, "unknown", cause, {
          set: { syssn: attempt.syssn ?? truth.syssn },
          detail: { syssn: truth.syssn, code: truth.code },
          from: attempt.state,
        });
      } else if (!attempt.syssn) {
        await updateAttemptDetails(tx, attempt.id, { syssn: truth.syssn });
      }
      return;
    case "closed":
    case "failed": {
      // QFPay closed it (expired) or refused it: the attempt ends so, with QFPay's code and words.
      const set = { syssn: attempt.syssn ?? truth.syssn, failureCode: truth.code, failureReason: truth.reason };
      return closeAttempt(tx, attempt, truth.kind === "closed" ? "expired" : "failed", cause, set, attempt.state);
    }
    case "absent":
      // Sent but unknown to QFPay after the grace period: it never got there, so nobody can pay it.
      if (
        (attempt.state === "created" || attempt.state === "unknown") &&
        ctx.now().getTime() - attempt.createdAt.getTime() >= ctx.notFoundGraceMs
      ) {
        return closeAttempt(
          tx,
          attempt,
          "failed",
          cause,
          { failureCode: "not_found", failureReason: "The payment never reached QFPay." },
          attempt.state,
        );
      }
      return;
  }
}

/** Flags an order for a contradiction, once for each thing QFPay says (the same news twice is not news). */
async function flagContradiction(
  tx: Tx,
  attempt: Attempt,
  order: Order,
  claimed: PaymentClaim,
  truth: GatewayTruth,
  cause: string,
  by: "notification" | "shop",
): Promise<void> {
  await flagForReviewOnce(tx, order.id, contradiction(claimed, truth, by), cause, {
    attemptId: attempt.id,
    syssn: claimed.syssn,
    gateway: truth,
  });
}

/**
 * An attempt stands paid but QFPay's own query, the truth, says otherwise: the merchant is told at once.
 * An absent payment is believed only after the grace QFPay's records may lag by.
 */
async function contradictPaid(
  tx: Tx,
  ctx: PaymentsContext,
  attempt: Attempt,
  order: Order,
  truth: Exclude<GatewayTruth, { kind: "paid" }>,
  cause: string,
): Promise<void> {
  if (
    truth.kind === "absent" &&
    ctx.now().getTime() - (attempt.paidAt ?? attempt.createdAt).getTime() < ctx.notFoundGraceMs
  )
    return;
  await flagContradiction(
    tx,
    attempt,
    order,
    { syssn: attempt.syssn ?? "", amount: attempt.amount, currency: attempt.currency },
    truth,
    cause,
    "shop",
  );
}

/**
 * Closes an attempt as failed or expired. An expired attempt that is its order's latest expires the order
 * too; a failed one leaves the order open for another try. `from` is the state this transaction locked
 * it in; without it, the attempt is locked here. False when someone else moved it first.
 */
export async function closeAttempt(
  tx: Tx,
  attempt: Attempt,
  to: "failed" | "expired",
  cause: string,
  set: Partial<Attempt>,
  from?: Attempt["state"],
): Promise<boolean> {
  const left = await moveAttempt(tx, attempt, to, cause, {
    set,
    detail: { code: set.failureCode, reason: set.failureReason },
    from,
  });
  if (left === null) return false;
  if (to === "expired" && (await latestAttemptId(tx, attempt.orderId)) === attempt.id)
    await moveOrder(tx, attempt.orderId, "expired", cause, { attemptId: attempt.id });
  return true;
}
