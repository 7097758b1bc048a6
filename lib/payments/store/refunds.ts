import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { refunds } from "../../db/schema/payments";
import type { Refund } from "../types";
import { recordEvent } from "./events";
import { ROW_LOCK, type Tx } from "./transaction";

export async function lockRefund(tx: Tx, refundId: number): Promise<Refund | undefined> {
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for(ROW_LOCK);
  return refund;
}

export async function lockRefundByOutTradeNo(tx: Tx, outTradeNo: string): Promise<Refund | undefined> {
  const [refund] = await tx.select().from(refunds).where(eq(refunds.outTradeNo, outTradeNo)).for(ROW_LOCK);
  return refund;
}

export async function readRefund(db: Db, refundId: number): Promise<Refund | undefined> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  return refund;
}

export async function refundByRequestKey(db: Db, requestKey: string): Promise<Refund | undefined> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.requestKey, requestKey));
  return refund;
}

export async function refundsOf(db: Db, orderId: string): Promise<Refund[]> {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id));
}

/** Refunds whose outcome is not known yet, oldest first. */
export async function openRefunds(db: Db, limit: number, orderId?: string): Promise<Refund[]> {
  const open = inArray(refunds.state, ["created", "unknown"]);
  return db
    .select()
    .from(refunds)
    .where(orderId === undefined ? open : and(open, eq(refunds.orderId, orderId)))
    .orderBy(asc(refunds.id))
    .limit(limit);
}

export type NewRefund = Pick<Refund, "orderId" | "attemptId" | "outTradeNo" | "amount" | "txdtm"> &
  Partial<Pick<Refund, "syssn" | "requestKey">>;

/**
 * A new refund in `state` with its event; undefined when its refund number is taken (a refund notified
 * twice at once). `created` is one the shop is about to send; `unknown` one it learnt of from QFPay.
 */
export async function insertRefund(
  tx: Tx,
  refund: NewRefund,
  state: "created" | "unknown",
  cause: string,
  detail: Record<string, unknown>,
): Promise<Refund | undefined> {
  const [created] = await tx
    .insert(refunds)
    .values({ ...refund, state })
    .onConflictDoNothing()
    .returning();
  if (created)
    await recordEvent(tx, {
      orderId: refund.orderId,
      type: `refund.${state}`,
      cause,
      refundId: created.id,
      toState: state,
      detail,
    });
  return created;
}

/** The amount QFPay's query shows for a refund the shop only heard of: its word is the amount's. */
export async function correctRefundAmount(tx: Tx, refundId: number, amount: number): Promise<Refund | undefined> {
  const [corrected] = await tx.update(refunds).set({ amount }).where(eq(refunds.id, refundId)).returning();
  return corrected;
}

/** As claimAttemptQueries, for one refund: true when this caller may query it now. */
export async function claimRefundQuery(
  db: Db,
  refundId: number,
  now: Date,
  spacingMs: number | null,
): Promise<boolean> {
  const spaced =
    spacingMs === null
      ? undefined
      : or(isNull(refunds.lastQueriedAt), lt(refunds.lastQueriedAt, new Date(now.getTime() - spacingMs)));
  const claimed = await db
    .update(refunds)
    .set({ lastQueriedAt: now })
    .where(and(eq(refunds.id, refundId), spaced))
    .returning({ id: refunds.id });
  return claimed.length > 0;
}
