import { crashPoint } from "../crash-point";
import { confirmPayment } from "./confirmations";
import type { PaymentsContext } from "./context";
import type { NotificationFields, NotificationReading } from "./gateway";
import { queryAttempts, type QueryOutcome } from "./query-attempt";
import { queryRefund } from "./query-refund";
import { confirms, isPaidBy, type PaymentClaim } from "./payment-claim";
import { attemptByOrigin, attemptByOutTradeNo } from "./store/attempts";
import { recordNotification, type NotificationOutcome } from "./store/notifications";
import { insertRefund, lockRefundByOutTradeNo, readRefund } from "./store/refunds";
import { transaction } from "./store/transaction";
import { flagForReviewOnce } from "./store/transitions";
import type { Attempt, Refund } from "./types";

export interface ReceivedNotification {
  raw: Uint8Array;
  signature: string | null;
  /**
   * Whether its sender may have one more unproven message looked into now: only the transport knows who
   * sent it, and a message that proves nothing must not let anyone make the shop query or write at will.
   */
  admitUnproven: () => Promise<boolean>;
}

/**
 * What became of a notification. `taken`: the shop settled what it speaks of, whatever that turned out to
 * be, and QFPay may stop resending it. `unconfirmed`: QFPay's query cannot vouch for it yet, so it should
 * come again. `forged`: its signature does not verify, and it changed nothing. `unmatched`: it proves no
 * sender and names nothing the shop acts on; it changed nothing and is only counted. `limited`: it proves no
 * sender, whose allowance is spent; it was not looked into.
 */
export type NotificationResult = "taken" | "unconfirmed" | "forged" | "unmatched" | "limited";

type Fields = NotificationFields;
type RefundNotice = Extract<NotificationReading, { kind: "refund" }>;

/** Records the notification with what came of it, in one write, once that is known. */
async function settled(
  ctx: PaymentsContext,
  received: ReceivedNotification,
  outcome: NotificationOutcome,
  fields: Partial<Fields> & { orderId?: string; detail?: string; proven?: boolean } = {},
): Promise<NotificationResult> {
  const { raw, signature } = received;
  const times = await recordNotification(ctx.db, { raw, signature, outcome, ...fields });
  ctx.log.info({ event: "notification", outcome, times, bytes: received.raw.byteLength, ...fields });
  crashPoint("notify.after-record");
  return outcome === "unconfirmed" ? "unconfirmed" : "taken";
}

/**
 * Everything that happens to a notification: verified over its raw bytes, confirmed by QFPay's query and
 * applied through the state machine, recorded with its outcome (copies counted). A signature proves who
 * sent a message, not that what it says holds: only what QFPay's query says is applied.
 */
export async function receiveNotification(
  ctx: PaymentsContext,
  received: ReceivedNotification,
): Promise<NotificationResult> {
  const reading = ctx.gateway.readNotification(received.raw, received.signature);
  switch (reading.kind) {
    case "forged":
      return "forged";
    case "malformed":
      return settled(ctx, received, "malformed", { detail: reading.error });
    case "unproven":
      return (await received.admitUnproven()) ? "unmatched" : "limited";
    case "ignored":
      return settled(ctx, received, "ignored", { ...reading.fields, detail: reading.detail });
    case "payment":
      return receivePayment(ctx, received, reading.fields, reading.claim);
    case "hint":
      return receivePayment(ctx, received, reading.fields, undefined);
    case "refund":
      return receiveRefund(ctx, received, reading);
  }
}

async function receivePayment(
  ctx: PaymentsContext,
  received: ReceivedNotification,
  fields: Fields,
  /** What a signed notification says was paid; none for a hint, which only asks the shop to look. */
  claim: PaymentClaim | undefined,
): Promise<NotificationResult> {
  if (!claim && !(await received.admitUnproven())) return "limited";
  const attempt = await attemptByOutTradeNo(ctx.db, fields.outTradeNo);
  // A hint must name the payment as the gateway numbered it when it started: one naming another number is
  // nobody's, and earns neither a look-up nor a row.
  if (!claim && (!attempt || (attempt.syssn !== null && attempt.syssn !== fields.syssn))) return "unmatched";
  if (!attempt)
    return settled(ctx, received, "unknown_order", { ...fields, detail: "no payment attempt has this out_trade_no" });
  const known = { ...fields, orderId: attempt.orderId, proven: claim !== undefined };
  // QFPay resends until it hears SUCCESS, so most copies find the attempt already paid by this very
  // payment: nothing is left to confirm, and no query, transaction or lock is needed to know it.
  if (claim ? isPaidBy(attempt, claim) : attempt.state === "paid" && attempt.syssn === fields.syssn)
    return settled(ctx, received, "applied", known);
  // The payment counts, and its stock and receipt follow, only as QFPay's own query has it (a
  // contradiction is flagged at once).
  const confirmation = claim ? await confirmPayment(ctx, attempt, claim) : await lookIntoHint(ctx, attempt);
  crashPoint("notify.after-confirm");
  const truth = confirmation.result === "settled" ? confirmation.truth : undefined;
  // While the query cannot vouch for the payment (unreachable, or not paid yet), the notification is not
  // taken: QFPay sends it again, and each copy is asked about again.
  const vouched = truth !== undefined && truth.kind !== "pending" && truth.kind !== "absent";
  ctx.log[vouched ? "info" : "warn"]({
    event: "notification.confirmed",
    outTradeNo: fields.outTradeNo,
    syssn: fields.syssn,
    query: confirmation.result,
    truth: truth?.kind,
    taken: vouched,
  });
  if (!vouched) return settled(ctx, received, "unconfirmed", known);
  // A hint that the query does not bear out (the intent cancelled, another one paid) is recorded as such,
  // and flags nothing: it claimed nothing the order could be held to.
  const borneOut = claim ? confirms(truth, claim) : truth.kind === "paid" && truth.syssn === fields.syssn;
  return settled(ctx, received, borneOut ? "applied" : "mismatch", known);
}

/** The longest a hint waits for the spacing to let it ask (QFPay's and CBTIS's spacing is 3 s). */
const HINT_WAIT_LIMIT_MS = 3_500;

/**
 * A signed notification earns a query of its own at once; a hint, which anyone could send, takes its turn in
 * the spacing that holds pollers: a flood of them costs the gateway one query per spacing interval. When the
 * turn was just taken (most often by the order page's poll, moments before the webhook), it waits the spacing
 * out and asks once more, rather than be answered "come again" for a payment that is there.
 */
async function lookIntoHint(ctx: PaymentsContext, attempt: Attempt): Promise<QueryOutcome> {
  const ask = async () => (await queryAttempts(ctx, [attempt], "hint")).get(attempt.id) ?? { result: "too_soon" };
  const first = await ask();
  if (first.result !== "too_soon") return first;
  await new Promise((resolve) => setTimeout(resolve, Math.min(ctx.querySpacingMs, HINT_WAIT_LIMIT_MS)));
  return ask();
}

type RefundNews = { outcome: "applied" | "mismatch"; refund: Refund; payment?: Attempt } | { outcome: "unknown_order" };

/** What the shop knows of the refund a notification names, adding one QFPay made outside the shop. */
function refundNews(ctx: PaymentsContext, { fields, amount, origin }: RefundNotice): Promise<RefundNews> {
  return transaction(ctx.db, async (tx): Promise<RefundNews> => {
    const known = await lockRefundByOutTradeNo(tx, fields.outTradeNo);
    if (known) {
      if (known.amount === amount) return { outcome: "applied", refund: known };
      const knownAs =
        known.requestKey === null ? `it was first reported as ${known.amount}` : `${known.amount} was asked for`;
      await flagForReviewOnce(
        tx,
        known.orderId,
        `A notification said refund ${fields.outTradeNo} was ${amount}, but ${knownAs}.`,
        "notification",
      );
      return { outcome: "mismatch", refund: known };
    }
    // A refund the shop did not start (from QFPay's merchant portal): recorded against its payment. Its
    // time is the shop's (the message's own could be anything): the query searches around it.
    const payment = origin ? await attemptByOrigin(tx, origin) : undefined;
    if (!payment) return { outcome: "unknown_order" };
    const refund = {
      orderId: payment.orderId,
      attemptId: payment.id,
      outTradeNo: fields.outTradeNo,
      amount,
      txdtm: ctx.gateway.requestTime(ctx.now()),
      syssn: fields.syssn,
    };
    const created = await insertRefund(tx, refund, "unknown", "notification", {
      syssn: fields.syssn,
      amount,
      startedOutsideShop: true,
    });
    return { outcome: "applied", payment, refund: created ?? (await lockRefundByOutTradeNo(tx, fields.outTradeNo))! };
  });
}

async function receiveRefund(
  ctx: PaymentsContext,
  received: ReceivedNotification,
  notice: RefundNotice,
): Promise<NotificationResult> {
  const { fields } = notice;
  const news = await refundNews(ctx, notice);
  if (news.outcome === "unknown_order")
    return settled(ctx, received, "unknown_order", { ...fields, detail: "no refund or payment matches" });
  const known = { ...fields, orderId: news.refund.orderId };
  // A refund can arrive before its payment's notification: the payment must be confirmed for it to count.
  if (news.payment && news.payment.state !== "paid") {
    const payment = news.payment;
    ctx.defer(() => confirmPayment(ctx, payment));
  }
  if (news.refund.state !== "created" && news.refund.state !== "unknown")
    return settled(ctx, received, news.outcome, known);
  // As for payments, a refund counts only as QFPay's query has it (its number, its amount, its payment).
  const answered = await queryRefund(ctx, news.refund, "notification", { unspaced: true });
  const state = (await readRefund(ctx.db, news.refund.id))?.state;
  const taken = answered === "settled" && state !== "created" && state !== "unknown";
  ctx.log[taken ? "info" : "warn"]({
    event: "notification.confirmed",
    outTradeNo: fields.outTradeNo,
    syssn: fields.syssn,
    query: answered,
    refundState: state,
    taken,
  });
  return settled(ctx, received, taken ? news.outcome : "unconfirmed", known);
}
