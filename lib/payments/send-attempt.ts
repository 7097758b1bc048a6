import type { PricedItem } from "../catalog/price-cart";
import type { ShopperProblem } from "../shopper-problem";
import { crashPoint } from "../crash-point";
import type { Device, Wallet } from "../qfpay/pay-types";
import type { PaymentsContext } from "./context";
import { GENERIC_DESCRIPTION } from "./gateway";
import { newOutTradeNo } from "./ids";
import { orderUrl } from "./order-access";
import { queryAttempt } from "./query-attempt";
import { insertAttempt, readAttempt, updateAttemptDetails } from "./store/attempts";
import { transaction, type Tx } from "./store/transaction";
import { moveAttempt } from "./store/transitions";
import type { Attempt } from "./types";

/** What starting (or retrying) a payment answers: the order and its attempt as sent, or why not (a code). */
export type StartPaymentResult =
  { ok: true; orderId: string; attempt: Attempt } | { ok: false; problem: ShopperProblem };

/** What the wallet shows the shopper: the product's name when there is one product. */
export function goodsNameFor(items: PricedItem[]): string {
  return items.length === 1 ? items[0]!.name : GENERIC_DESCRIPTION;
}

/** A new attempt to pay the order's total with this wallet on this device, not yet sent. */
export function newAttempt(
  tx: Tx,
  ctx: PaymentsContext,
  orderId: string,
  amount: number,
  wallet: Wallet,
  device: Device,
  cause: string,
  payer?: string,
): Promise<Attempt> {
  const now = ctx.now();
  const attempt = {
    orderId,
    outTradeNo: newOutTradeNo("payment"),
    wallet,
    payType: ctx.gateway.methodFor(wallet, device, payer),
    amount,
    currency: ctx.currency,
    txdtm: ctx.gateway.requestTime(now),
    expiresAt: new Date(now.getTime() + ctx.expiredMinutes * 60_000),
  };
  return insertAttempt(tx, attempt, cause);
}

/** Sends an attempt to the gateway once and records what came of it. Never sends the same attempt again. */
export async function sendAttempt(
  ctx: PaymentsContext,
  attempt: Attempt,
  goodsName: string,
  locale: string,
  payer?: string,
): Promise<Attempt> {
  crashPoint("checkout.before-gateway");
  const outcome = await ctx.gateway.startPayment({
    outTradeNo: attempt.outTradeNo,
    requestTime: attempt.txdtm,
    amount: attempt.amount,
    currency: attempt.currency,
    method: attempt.payType,
    description: goodsName,
    expiresInMinutes: ctx.expiredMinutes,
    returnUrl: orderUrl(ctx.siteUrl, attempt.orderId, ctx.sessionSecret, locale),
    payer,
  });
  crashPoint("checkout.after-gateway");

  switch (outcome.kind) {
    case "started": {
      const { syssn, payUrl } = outcome;
      const tradeNo = outcome.tradeNo ?? null;
      await transaction(ctx.db, async (tx) => {
        // The gateway's answer is as fresh as a look-up: the order page shown next need not ask again at once.
        const moved = await moveAttempt(tx, attempt, "awaiting_payment", "gateway", {
          set: { syssn, payUrl, tradeNo, lastQueriedAt: ctx.now() },
          detail: { syssn },
        });
        // A notification can beat the answer: the attempt may be paid already, and still needs its link.
        if (moved === null) await updateAttemptDetails(tx, attempt.id, { syssn, payUrl, tradeNo });
      });
      break;
    }
    case "unknown":
      await transaction(ctx.db, (tx) => moveAttempt(tx, attempt, "unknown", "gateway", { detail: outcome.detail }));
      await queryAttempt(ctx, attempt, "gateway");
      break;
    case "refused":
      await transaction(ctx.db, (tx) =>
        moveAttempt(tx, attempt, "failed", "gateway", {
          set: { failureCode: outcome.code, failureReason: outcome.reason },
          detail: outcome.detail,
        }),
      );
      break;
    case "invalid":
      await transaction(ctx.db, (tx) =>
        moveAttempt(tx, attempt, "failed", "checkout", {
          set: { failureCode: "invalid", failureReason: outcome.reason },
          detail: outcome.detail,
        }),
      );
      break;
  }
  return (await readAttempt(ctx.db, attempt.id))!;
}
