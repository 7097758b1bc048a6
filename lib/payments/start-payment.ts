import type { PricedItem } from "../catalog/price-cart";
import { formatGatewayTime } from "../qfpay/gateway-time";
import { isCurrencyCode } from "../qfpay/currencies";
import { amountRefusal, payTypeFor, takesExpiredTime, WALLET_NAMES, type Device, type Wallet } from "../qfpay/pay-types";
import { formatMoney } from "../money";
import { describeStatus } from "../qfpay/status-codes";
import { crashPoint } from "../crash-point";
import type { PaymentsContext } from "./context";
import { newOrderId, newOutTradeNo } from "./ids";
import { orderUrl } from "./order-access";
import { queryAttempt } from "./query-attempt";
import { OPEN_ATTEMPT_STATES } from "./state-machine";
import { stockShortage } from "./stock-reservation";
import { insertAttempt, latestAttempt, latestAttemptId, readAttempt, updateAttemptDetails } from "./store/attempts";
import { insertOrder, itemsOf, lockOrder, orderByCheckoutKey } from "./store/orders";
import { transaction, type Tx } from "./store/transaction";
import { moveAttempt } from "./store/transitions";
import type { Attempt } from "./types";


export interface StartPaymentInput {
  sessionId: string;
  email: string;
  items: PricedItem[];
  wallet: Wallet;
  device: Device;
  /** One order per cart: submits carrying the same key (a double click, three tabs) share the first's order. */
  checkoutKey?: string;
}

export type StartPaymentResult = { ok: true; orderId: string; attempt: Attempt } | { ok: false; error: string };

const GOODS_NAME_FALLBACK = "Online order";

/** Thrown to roll back a checkout whose goods are not there (the message is the shopper's). */
class StockShortage extends Error {}

/** Why a total cannot be paid with a wallet, in words a shopper understands; null when it can. */
export function walletRefusal(wallet: Wallet, device: Device, total: number, currency: string): string | null {
  if (!isCurrencyCode(currency)) return `${currency} is not a currency QFPay takes.`;
  const refusal = amountRefusal(payTypeFor(wallet, device), total, currency);
  if (refusal?.kind === "currency") return `${WALLET_NAMES[wallet]} takes payments in ${refusal.only} only.`;
  if (refusal?.kind === "minimum") return `${WALLET_NAMES[wallet]} needs a total above ${formatMoney(refusal.minimumExclusive, currency)}.`;
  return null;
}

function goodsNameFor(items: PricedItem[]): string {
  const name = items.length === 1 ? items[0]!.name : GOODS_NAME_FALLBACK;
  const cleaned = name.replace(/[^\p{L}\p{M}\p{N} ]/gu, "").replace(/\s+/g, " ").trim();
  return [...cleaned].slice(0, 20).join("").trim() || GOODS_NAME_FALLBACK;
}

/** A new attempt to pay the order's total with this wallet on this device, not yet sent. */
function newAttempt(tx: Tx, ctx: PaymentsContext, orderId: string, amount: number, wallet: Wallet, device: Device, cause: string): Promise<Attempt> {
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

/**
 * Checkout: the order, its items and its first attempt are stored in one transaction BEFORE QFPay is
 * called, so a crash at any later point leaves an attempt for reconciliation to settle, never a payment
 * the shop does not know about.
 */
export async function startPayment(ctx: PaymentsContext, input: StartPaymentInput): Promise<StartPaymentResult> {
  const total = input.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  if (input.items.length === 0 || !Number.isSafeInteger(total) || total <= 0) return { ok: false, error: "Your cart is empty." };
  const refusal = walletRefusal(input.wallet, input.device, total, ctx.currency);
  if (refusal) return { ok: false, error: refusal };

  const orderId = newOrderId();
  const placing = transaction(ctx.db, async (tx) => {
    // A submit of a cart already being checked out is answered with the first one's order.
    const order = { id: orderId, ownerSessionId: input.sessionId, checkoutKey: input.checkoutKey ?? null, mode: ctx.mode, email: input.email, currency: ctx.currency, total };
    if (!(await insertOrder(tx, order, input.items))) return null;
    const attempt = await newAttempt(tx, ctx, orderId, total, input.wallet, input.device, "checkout");
    // Goods another shopper is paying for are not sold twice: no order is made for what is not there.
    // Checked last, so that checkouts of the same goods queue on the stock rows only for this and the commit.
    const shortage = await stockShortage(tx, input.items, ctx.now(), orderId);
    if (shortage) throw new StockShortage(shortage);
    return attempt;
  });
  const attempt = await placing.catch((error: unknown) => {
    if (error instanceof StockShortage) return error;
    throw error;
  });
  if (attempt instanceof StockShortage) return { ok: false, error: attempt.message };
  if (!attempt) return placedAlready(ctx, input);
  return { ok: true, orderId, attempt: await sendAttempt(ctx, attempt, goodsNameFor(input.items)) };
}

/**
 * A repeated submit of one cart: the order it was given the first time. While that order's attempt is
 * being sent or can be paid, the same attempt; when it can no longer be paid (its answer was lost, it
 * failed, it expired), another try on the same order, as the order page's "Try again" would make.
 */
async function placedAlready(ctx: PaymentsContext, input: StartPaymentInput): Promise<StartPaymentResult> {
  const order = await orderByCheckoutKey(ctx.db, input.checkoutKey!);
  if (!order || order.ownerSessionId !== input.sessionId) return { ok: false, error: "This cart was checked out already." };
  const attempt = await latestAttempt(ctx.db, order.id);
  const stuck = attempt!.state !== "created" && !(attempt!.state === "awaiting_payment" && attempt!.expiresAt > ctx.now()) && attempt!.state !== "paid";
  if (order.state === "awaiting_payment" && stuck) return retryPayment(ctx, order.id, input.wallet, input.device);
  return { ok: true, orderId: order.id, attempt: attempt! };
}

/**
 * Another attempt for an order still awaiting payment (a retry after a failure, the other wallet, the
 * other device). The live attempt is settled by a query first; one still payable with the same pay type
 * is reused, any other is superseded, so an order never has two attempts a shopper can be shown.
 */
export async function retryPayment(ctx: PaymentsContext, orderId: string, wallet: Wallet, device: Device): Promise<StartPaymentResult> {
  const live = await latestAttempt(ctx.db, orderId);
  if (live && OPEN_ATTEMPT_STATES.includes(live.state)) await queryAttempt(ctx, live, "retry");

  let outcome: RetryStep = RACED;
  for (let round = 0; round < 3 && outcome === RACED; round++) outcome = await retryStep(ctx, orderId, wallet, device);
  if (outcome === RACED) return { ok: false, error: "This order changed a moment ago: try again." };
  if ("reuse" in outcome) return { ok: true, orderId, attempt: outcome.reuse };
  if ("fresh" in outcome) return { ok: true, orderId, attempt: await sendAttempt(ctx, outcome.fresh, outcome.goodsName) };
  return outcome;
}

/** Another try was made on the order while this one waited for its locks: read it again. */
const RACED = Symbol("raced");
type RetryStep = StartPaymentResult | { reuse: Attempt } | { fresh: Attempt; goodsName: string } | typeof RACED;

/** retryPayment's transaction: reuse the live attempt, or replace it with a fresh one (not yet sent). */
function retryStep(ctx: PaymentsContext, orderId: string, wallet: Wallet, device: Device): Promise<RetryStep> {
  return transaction(ctx.db, async (tx): Promise<RetryStep> => {
    // Locks in the order that settling a payment takes them, the attempt and then its order: the other
    // way round, a retry and a notification of the same order deadlocked on PostgreSQL.
    const current = await latestAttempt(tx, orderId, { lock: true });
    const order = await lockOrder(tx, orderId);
    if (!order) return { ok: false, error: "This order does not exist." };
    if ((await latestAttemptId(tx, orderId)) !== current?.id) return RACED;
    if (order.state !== "awaiting_payment") return { ok: false, error: "This order can no longer be paid." };
    const refusal = walletRefusal(wallet, device, order.total, order.currency);
    if (refusal) return { ok: false, error: refusal };
    const payType = payTypeFor(wallet, device);
    if (current && current.state === "awaiting_payment" && current.payType === payType && current.expiresAt > ctx.now()) return { reuse: current };
    // The order's hold on its goods lapsed with its last attempt: others may have bought them since.
    const items = await itemsOf(tx, orderId);
    const shortage = await stockShortage(tx, items, ctx.now(), orderId);
    if (shortage) return { ok: false, error: shortage };
    if (current && OPEN_ATTEMPT_STATES.includes(current.state)) {
      await moveAttempt(tx, current, "superseded", "retry", { detail: { by: "a new attempt" }, from: current.state });
    }
    return { fresh: await newAttempt(tx, ctx, orderId, order.total, wallet, device, "retry"), goodsName: goodsNameFor(items) };
  });
}

/** Sends an attempt to QFPay once and records what came of it. Never sends the same attempt again. */
async function sendAttempt(ctx: PaymentsContext, attempt: Attempt, goodsName: string): Promise<Attempt> {
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
        const moved = await moveAttempt(tx, attempt, "awaiting_payment", "gateway", { set: { syssn, payUrl: payUrl ?? null, lastQueriedAt: ctx.now() }, detail: { syssn } });
        // A notification can beat the answer: the attempt may be paid already, and still needs its link.
        if (moved === null) await updateAttemptDetails(tx, attempt.id, { syssn, payUrl: payUrl ?? null });
      });
      break;
    }
    case "pending":
    case "transport": {
      const detail = outcome.kind === "pending" ? { code: outcome.code, message: outcome.message } : { reason: outcome.reason, status: outcome.status, message: outcome.message };
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
        moveAttempt(tx, attempt, "failed", "checkout", { set: { failureCode: "invalid", failureReason: outcome.message }, detail: { problems: outcome.problems } }),
      );
      break;
  }
  return (await readAttempt(ctx.db, attempt.id))!;
}
