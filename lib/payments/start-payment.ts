import type { Device, Wallet } from "../qfpay/pay-types";
import type { PricedItem } from "../catalog/price-cart";
import type { ShopperProblem } from "../shopper-problem";
import type { PaymentsContext } from "./context";
import { isUniqueViolation } from "../db/errors";
import { newOrderId } from "./ids";
import { retryPayment } from "./retry-payment";
import { goodsNameFor, newAttempt, sendAttempt, type StartPaymentResult } from "./send-attempt";
import { stockShortage } from "./stock-reservation";
import { latestAttempt } from "./store/attempts";
import { insertOrder, orderByCheckoutKey } from "./store/orders";
import { transaction } from "./store/transaction";

export interface StartPaymentInput {
  sessionId: string;
  email: string;
  items: PricedItem[];
  wallet: Wallet;
  device: Device;
  /** The language the shopper checks out in (en, zh-HK, zh-CN): return_url and the receipt use it. */
  locale?: string;
  /** One order per cart: submits carrying the same key (a double click, three tabs) share the first's order. */
  checkoutKey?: string;
  /** The shopper's id in the wallet's app, when they pay inside it (Alipay's user id for 800107). */
  payer?: string;
}

/** Thrown to roll back a checkout whose goods are not there, carrying which. */
class StockShortage extends Error {
  constructor(readonly problem: ShopperProblem) {
    super(problem.code);
  }
}

/**
 * Checkout: the order, its items and its first attempt are stored in one transaction BEFORE QFPay is
 * called, so a crash at any later point leaves an attempt for reconciliation to settle, never a payment
 * the shop does not know about.
 */
export async function startPayment(ctx: PaymentsContext, input: StartPaymentInput): Promise<StartPaymentResult> {
  const total = input.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  if (input.items.length === 0 || !Number.isSafeInteger(total) || total <= 0)
    return { ok: false, problem: { code: "cartEmpty" } };
  const refusal = ctx.gateway.walletRefusal(input.wallet, input.device, total, ctx.currency);
  if (refusal) return { ok: false, problem: refusal };

  const orderId = newOrderId();
  const placing = () =>
    transaction(ctx.db, async (tx) => {
      // A submit of a cart already being checked out is answered with the first one's order.
      const order = {
        id: orderId,
        ownerSessionId: input.sessionId,
        checkoutKey: input.checkoutKey ?? null,
        mode: ctx.mode,
        email: input.email,
        locale: input.locale ?? "en",
        currency: ctx.currency,
        total,
      };
      if (!(await insertOrder(tx, order, input.items))) return null;
      const attempt = await newAttempt(tx, ctx, orderId, total, input.wallet, input.device, "checkout", input.payer);
      // Goods another shopper is paying for are not sold twice: no order is made for what is not there.
      // Checked last, so that checkouts of the same goods queue on the stock rows only for this and the commit.
      const shortage = await stockShortage(tx, input.items, ctx.now(), orderId);
      if (shortage) throw new StockShortage(shortage);
      return attempt;
    });
  const attempt = await placeWithFreshNumber(placing).catch((error: unknown) => {
    if (error instanceof StockShortage) return error;
    throw error;
  });
  if (attempt instanceof StockShortage) return { ok: false, problem: attempt.problem };
  if (!attempt) return placedAlready(ctx, input);
  return {
    ok: true,
    orderId,
    attempt: await sendAttempt(ctx, attempt, goodsNameFor(input.items), input.locale ?? "en", input.payer),
  };
}

/**
 * The database draws the order's number; two orders drawing the same one (one chance in 30^8 per pair)
 * is a unique violation, answered by placing the order again with another draw.
 */
async function placeWithFreshNumber<T>(place: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await place();
    } catch (error) {
      if (tries >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * A repeated submit of one cart: the order it was given the first time. While that order's attempt is
 * being sent or can be paid, the same attempt; when it can no longer be paid (its answer was lost, it
 * failed, it expired), another try on the same order, as the order page's "Try again" would make.
 */
async function placedAlready(ctx: PaymentsContext, input: StartPaymentInput): Promise<StartPaymentResult> {
  const order = await orderByCheckoutKey(ctx.db, input.checkoutKey!);
  if (!order || order.ownerSessionId !== input.sessionId) return { ok: false, problem: { code: "checkedOutAlready" } };
  const attempt = await latestAttempt(ctx.db, order.id);
  const stuck =
    attempt!.state !== "created" &&
    !(attempt!.state === "awaiting_payment" && attempt!.expiresAt > ctx.now()) &&
    attempt!.state !== "paid";
  if (order.state === "awaiting_payment" && stuck)
    return retryPayment(ctx, order.id, input.wallet, input.device, input.payer);
  return { ok: true, orderId: order.id, attempt: attempt! };
}
