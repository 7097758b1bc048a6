import { createHash } from "node:crypto";
import { eq, or, sql } from "drizzle-orm";
import { paymentAttempts, refunds } from "../db/schema/payments";
import { receivedNotifications, refusedNotifications, type NotificationOutcome } from "../db/schema/notifications";
import { crashPoint } from "../crash-point";
import { allowRequest, rateKey, REFUSED_NOTIFICATION_RULE } from "../web/rate-limit";
import { formatGatewayTime } from "../qfpay/gateway-time";
import { parseNotification, verifyNotificationSignature, type QfpayNotification } from "../qfpay/notification";
import type { PaymentsContext } from "./context";
import { confirmPayment } from "./confirmations";
import { isPaidBy } from "./settle-attempt";
import { queryRefund } from "./query-refund";
import { findRefundByOutTradeNo } from "./settle-refund";
import { flagForReviewOnce, recordEvent } from "./transitions";

/** QFPay's bodies are a few hundred bytes; anything far larger is not QFPay. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;
const STORED_BODY_CHARS = 16 * 1024;
/** How much of an unverified body is kept: one sample an hour, this long. */
const REFUSED_SAMPLE_CHARS = 512;

export interface NotificationAnswer {
  status: number;
  body: string;
}

const SUCCESS: NotificationAnswer = { status: 200, body: "SUCCESS" };
const UNCONFIRMED: NotificationAnswer = { status: 503, body: "FAIL: QFPay's query does not confirm this payment yet" };

interface Receipt {
  raw: Uint8Array;
  signature: string | null;
  oversized: boolean;
  /** Who sent it (lib/client-address.ts): refused requests are rate-limited per sender. */
  client: string;
}

function decodeForStorage(raw: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(raw).replaceAll("\u0000", "\uFFFD").slice(0, STORED_BODY_CHARS);
}

/** A verified notification, kept whole (its copies counted on one row): the admin shows it in the order's story. */
async function record(
  ctx: PaymentsContext,
  receipt: Receipt,
  outcome: NotificationOutcome,
  fields: { notifyType?: string; outTradeNo?: string; syssn?: string; orderId?: string; detail?: string } = {},
): Promise<number> {
  const dedupeKey = createHash("sha256").update(receipt.raw).update("\n").update(receipt.signature ?? "").digest("hex");
  const [row] = await ctx.db
    .insert(receivedNotifications)
    .values({
      dedupeKey,
      rawBody: decodeForStorage(receipt.raw),
      bodyBytes: receipt.raw.byteLength,
      signature: receipt.signature?.slice(0, 128) ?? null,
      signatureValid: true,
      outcome,
      ...fields,
    })
    .onConflictDoUpdate({
      target: receivedNotifications.dedupeKey,
      set: { timesReceived: sql`${receivedNotifications.timesReceived} + 1`, lastReceivedAt: sql`now()` },
    })
    .returning({ times: receivedNotifications.timesReceived });
  const times = row?.times ?? 1;
  ctx.log.info({ event: "notification", outcome, times, bytes: receipt.raw.byteLength, ...fields });
  return times;
}

/**
 * A request that proves nothing: counted in its hour's row (the first body kept as a short sample), so
 * that junk at any volume adds no rows; a sender over its allowance is answered 429 and not counted.
 */
async function refuse(ctx: PaymentsContext, receipt: Receipt, reason: "bad_signature" | "oversized", answer: NotificationAnswer): Promise<NotificationAnswer> {
  const allowed = await allowRequest(ctx.db, REFUSED_NOTIFICATION_RULE, rateKey(REFUSED_NOTIFICATION_RULE, [receipt.client], ctx.sessionSecret), ctx.now());
  ctx.log.warn({ event: "notification.refused", reason, client: receipt.client, bytes: receipt.raw.byteLength, status: allowed ? answer.status : 429 });
  if (!allowed) return { status: 429, body: "FAIL: too many refused notifications" };
  const hour = new Date(Math.floor(ctx.now().getTime() / 3_600_000) * 3_600_000);
  await ctx.db
    .insert(refusedNotifications)
    .values({ reason, hour, sampleBody: decodeForStorage(receipt.raw).slice(0, REFUSED_SAMPLE_CHARS), sampleBytes: receipt.raw.byteLength })
    .onConflictDoUpdate({
      target: [refusedNotifications.reason, refusedNotifications.hour],
      set: { count: sql`${refusedNotifications.count} + 1`, lastReceivedAt: sql`now()` },
    });
  return answer;
}

/**
 * Everything that happens to a notification: verified over its raw bytes, recorded (duplicates counted),
 * confirmed by QFPay's query and applied through the state machine, answered. A verified notification is
 * answered `SUCCESS` once the shop has settled what it speaks of, whatever that turned out to be, so
 * that QFPay stops resending it; one whose payment QFPay's query cannot vouch for yet is answered FAIL,
 * so that it comes again; an unverified one never gets `SUCCESS`, and changes nothing.
 */
export async function receiveNotification(ctx: PaymentsContext, receipt: Receipt): Promise<NotificationAnswer> {
  if (receipt.oversized) return refuse(ctx, receipt, "oversized", { status: 413, body: "FAIL: body too large" });
  if (!verifyNotificationSignature(receipt.raw, receipt.signature, ctx.clientKey)) {
    return refuse(ctx, receipt, "bad_signature", { status: 401, body: "FAIL: signature" });
  }
  const parsed = parseNotification(receipt.raw);
  if (!parsed.ok) {
    await record(ctx, receipt, "malformed", { detail: parsed.error });
    return SUCCESS;
  }
  const note = parsed.notification;
  const base = { notifyType: note.notify_type, outTradeNo: note.out_trade_no, syssn: note.syssn };
  if (note.respcd !== "0000") {
    await record(ctx, receipt, "ignored", { ...base, detail: `respcd ${note.respcd}: QFPay notifies successes only` });
    return SUCCESS;
  }
  return note.notify_type === "payment" ? applyPaymentNotification(ctx, receipt, note, base) : applyRefundNotification(ctx, receipt, note, base);
}

async function applyPaymentNotification(ctx: PaymentsContext, receipt: Receipt, note: QfpayNotification, base: Record<string, string>): Promise<NotificationAnswer> {
  const [attempt] = await ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.outTradeNo, note.out_trade_no));
  if (!attempt) {
    await record(ctx, receipt, "unknown_order", { ...base, detail: "no payment attempt has this out_trade_no" });
    return SUCCESS;
  }
  const claim = { syssn: note.syssn, amount: note.txamt, currency: note.txcurrcd };
  await record(ctx, receipt, note.txamt === attempt.amount && note.txcurrcd === attempt.currency ? "applied" : "mismatch", { ...base, orderId: attempt.orderId });
  crashPoint("notify.after-record");
  // QFPay resends until it hears SUCCESS, so most copies find the attempt already paid by this very
  // payment: nothing is left to confirm, and no query, transaction or lock is needed to know it.
  if (isPaidBy(attempt, claim)) return SUCCESS;
  // A signature proves who sent a message, not that what it says holds: the payment counts, and its
  // stock and receipt follow, only as QFPay's own query has it (a contradiction is flagged at once).
  const confirmation = await confirmPayment(ctx, attempt, claim);
  crashPoint("notify.before-answer");
  // While QFPay's query cannot vouch for the payment (unreachable, or not paid yet), the notification is
  // not taken: QFPay sends it again, and each copy is asked about again.
  const vouched = confirmation.result === "settled" && confirmation.truth.kind !== "pending" && confirmation.truth.kind !== "absent";
  const truth = confirmation.result === "settled" ? confirmation.truth.kind : undefined;
  ctx.log[vouched ? "info" : "warn"]({ event: "notification.confirmed", outTradeNo: note.out_trade_no, syssn: note.syssn, query: confirmation.result, truth, taken: vouched });
  return vouched ? SUCCESS : UNCONFIRMED;
}

async function applyRefundNotification(ctx: PaymentsContext, receipt: Receipt, note: QfpayNotification, base: Record<string, string>): Promise<NotificationAnswer> {
  const result = await ctx.db.transaction(async (tx) => {
    const known = await findRefundByOutTradeNo(tx, note.out_trade_no);
    if (known) {
      if (known.amount === note.txamt) return { outcome: "applied" as const, orderId: known.orderId, refund: known };
      const knownAs = known.requestKey === null ? `it was first reported as ${known.amount}` : `${known.amount} was asked for`;
      await flagForReviewOnce(tx, known.orderId, `A notification said refund ${note.out_trade_no} was ${note.txamt}, but ${knownAs}.`, "notification");
      return { outcome: "mismatch" as const, orderId: known.orderId, refund: known };
    }
    // A refund the shop did not start (from QFPay's merchant portal): recorded against its payment. Its
    // time is the shop's (the message's own could be anything): the query searches around it.
    const origin = note.orig_syssn ?? note.orig_out_trade_no;
    if (!origin) return { outcome: "unknown_order" as const };
    const [attempt] = await tx
      .select()
      .from(paymentAttempts)
      .where(or(eq(paymentAttempts.syssn, origin), eq(paymentAttempts.outTradeNo, origin)));
    if (!attempt) return { outcome: "unknown_order" as const };
    const [created] = await tx
      .insert(refunds)
      .values({ orderId: attempt.orderId, attemptId: attempt.id, outTradeNo: note.out_trade_no, amount: note.txamt, state: "unknown", txdtm: formatGatewayTime(ctx.now()), syssn: note.syssn })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await recordEvent(tx, { orderId: attempt.orderId, type: "refund.unknown", cause: "notification", refundId: created.id, toState: "unknown", detail: { syssn: note.syssn, amount: note.txamt, startedOutsideShop: true } });
    }
    return { outcome: "applied" as const, orderId: attempt.orderId, attempt, refund: created ?? (await findRefundByOutTradeNo(tx, note.out_trade_no)) };
  });
  await record(ctx, receipt, result.outcome, { ...base, orderId: result.orderId, detail: result.outcome === "unknown_order" ? "no refund or payment matches" : undefined });
  // A refund can arrive before its payment's notification: the payment must be confirmed for it to count.
  const payment = "attempt" in result ? result.attempt : undefined;
  if (payment && payment.state !== "paid") ctx.defer(() => confirmPayment(ctx, payment));
  const refund = "refund" in result ? result.refund : undefined;
  if (!refund || (refund.state !== "created" && refund.state !== "unknown")) return SUCCESS;
  // As for payments, a refund counts only as QFPay's query has it (its number, its amount, its payment).
  const answered = await queryRefund(ctx, refund, "notification", { unspaced: true });
  const [settled] = await ctx.db.select({ state: refunds.state }).from(refunds).where(eq(refunds.id, refund.id));
  const taken = answered === "settled" && settled?.state !== "created" && settled?.state !== "unknown";
  ctx.log[taken ? "info" : "warn"]({ event: "notification.confirmed", outTradeNo: note.out_trade_no, syssn: note.syssn, query: answered, refundState: settled?.state, taken });
  return taken ? SUCCESS : UNCONFIRMED;
}
