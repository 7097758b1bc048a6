import type { PricedItem } from "../catalog/price-cart";
import { crashPoint } from "../crash-point";
import { formatGatewayTime } from "../qfpay/gateway-time";
import { toGoodsName } from "../qfpay/payment-request";
import { payTypeFor, takesExpiredTime, type Device, type Wallet } from "../qfpay/pay-types";
import { describeStatus } from "../qfpay/status-codes";
import type { PaymentsContext } from "./context";
import { newOutTradeNo } from "./ids";
import { orderUrl } from "./order-access";
import { queryAttempt } from "./query-attempt";
import { insertAttempt, readAttempt, updateAttemptDetails } from "./store/attempts";
import { transaction, type Tx } from "./store/transaction";
import { moveAttempt } from "./store/transitions";
import type { Attempt } from "./types";

/** What starting (or retrying) a payment answers: the order and its attempt as sent, or why not. */
export type StartPaymentResult = { ok: true; orderId: string; attempt: Attempt } | { ok: false; error: string };

const GOODS_NAME_FALLBACK = "Online order";

/** The goods_name QFPay shows the shopper: the product's name when there is one, else the fallback. */
export function goodsNameFor(items: PricedItem[]): string {
  return toGoodsName(items.length === 1 ? items[0]!.name : GOODS_NAME_FALLBACK, GOODS_NAME_FALLBACK);
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
): Promise<Attempt> {
  const now = ctx.now();
  const attempt = {
    orderId,
    outTradeNo: newOutTradeNo("payment"),
    wallet,
    payType: payTypeFor(wallet, device),
    amount,
    currency: ctx.currency,
    txdtm: formatGatewayTime(now),
    expiresAt: new Date(now.getTime() + ctx.expiredMinutes * 60_000),
  };
  return insertAttempt(tx, attempt, cause);
}

/** Sends an attempt to QFPay once and records what came of it. Never sends the same attempt again. */
export async function sendAttempt(ctx: PaymentsContext, attempt: Attempt, goodsName: string): Promise<Attempt> {
  crashPoint("checkout.before-gateway");
  const outcome = await ctx.qfpay.createPayment({
    txamt: attempt.amount,
    txcurrcd: attempt.currency,
    pay_type: attempt.payType,
    out_trade_no: attempt.outTradeNo,
    txdtm: attempt.txdtm,
    expired_time: takesExpiredTime(attempt.payType) ? ctx.expiredMinutes : undefined,
    goods_name: goodsName,
    return_url: orderUrl(ctx.siteUrl, attempt.orderId, ctx.sessionSecret),
    notify_url: `${ctx.siteUrl}/api/qfpay/notify`,
  });
  crashPoint("checkout.after-gateway");

  switch (outcome.kind) {
    case "accepted": {
      const { syssn, pay_url: payUrl } = outcome.value;
      await transaction(ctx.db, async (tx) => {
        // QFPay's answer is as fresh as a query: the order page shown next need not ask again at once.
        const moved = await moveAttempt(tx, attempt, "awaiting_payment", "gateway", {
          set: { syssn, payUrl: payUrl ?? null, lastQueriedAt: ctx.now() },
          detail: { syssn },
        });
        // A notification can beat the answer: the attempt may be paid already, and still needs its link.
        if (moved === null) await updateAttemptDetails(tx, attempt.id, { syssn, payUrl: payUrl ?? null });
      });
      break;
    }
    case "pending":
    case "transport": {
      const detail =
        outcome.kind === "pending"
          ? { code: outcome.code, message: outcome.message }
          : { reason: outcome.reason, status: outcome.status, message: outcome.message };
      await transaction(ctx.db, (tx) => moveAttempt(tx, attempt, "unknown", "gateway", { detail }));
      await queryAttempt(ctx, attempt, "gateway");
      break;
    }
    case "failed":
      await transaction(ctx.db, (tx) =>
        moveAttempt(tx, attempt, "failed", "gateway", {
          set: { failureCode: outcome.code, failureReason: describeStatus(outcome.code) },
          detail: { code: outcome.code, gatewayMessage: outcome.gatewayMessage },
        }),
      );
      break;
    case "invalid":
      await transaction(ctx.db, (tx) =>
        moveAttempt(tx, attempt, "failed", "checkout", {
          set: { failureCode: "invalid", failureReason: outcome.message },
          detail: { problems: outcome.problems },
        }),
      );
      break;
  }
  return (await readAttempt(ctx.db, attempt.id))!;
}
