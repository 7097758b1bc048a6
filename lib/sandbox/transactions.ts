import { and, eq, inArray, isNull, lte, or, gt } from "drizzle-orm";
import type { Db } from "../db/connection";
import { sandboxTransactions } from "../db/schema/sandbox";
import { takeFault } from "./faults";
import { enqueueNotification } from "./notifications";
import { toGatewayTime } from "./gateway-clock";
import { DECLINED_STATE, EXPIRED_STATE, PAID_STATE, PENDING_STATES } from "./transaction-states";

export type Transaction = typeof sandboxTransactions.$inferSelect;

/** Unpaid, not yet closed: what a shopper can still pay. */
export const OPEN_CODES: string[] = [...PENDING_STATES];
export const DECLINED_CODE = DECLINED_STATE;
export const EXPIRED_CODE = EXPIRED_STATE;

/** Unpaid payments past their expiry are closed, as QFPay closes them (query then says 1181). */
export async function expireOverdue(db: Db, now: Date): Promise<void> {
  await db
    .update(sandboxTransactions)
    .set({ respcd: EXPIRED_CODE, pendingQueriesLeft: null })
    .where(
      and(
        eq(sandboxTransactions.orderType, "payment"),
        inArray(sandboxTransactions.respcd, OPEN_CODES),
        lte(sandboxTransactions.expiresAt, now),
      ),
    );
}

export interface PayContext {
  db: Db;
  registeredNotifyUrl: string;
  /** Told when a notification is queued, to send it (the gateway's pump). */
  onQueued?: () => void;
}

/** Pays an open payment once and queues its notification; null when it is no longer payable. */
export async function payTransaction(ctx: PayContext, syssn: string, now: Date): Promise<Transaction | null> {
  await expireOverdue(ctx.db, now);
  const [paid] = await ctx.db
    .update(sandboxTransactions)
    .set({ respcd: PAID_STATE, paydtm: toGatewayTime(now), pendingQueriesLeft: null, pendingSettle: null })
    .where(
      and(
        eq(sandboxTransactions.syssn, syssn),
        eq(sandboxTransactions.orderType, "payment"),
        inArray(sandboxTransactions.respcd, OPEN_CODES),
        or(isNull(sandboxTransactions.expiresAt), gt(sandboxTransactions.expiresAt, now)),
      ),
    )
    .returning();
  if (!paid) return null;
  await queueNotification(ctx, paid, now);
  return paid;
}

export async function queueNotification(ctx: PayContext, tx: Transaction, now: Date): Promise<void> {
  const delay = await takeFault(ctx.db, "notify", tx.outTradeNo);
  const firstAt = new Date(now.getTime() + (delay?.kind === "delay" ? delay.delayMs : 0));
  await enqueueNotification(ctx.db, tx, tx.notifyUrl ?? ctx.registeredNotifyUrl, firstAt);
  ctx.onQueued?.();
}

/** Closes an open payment with `code` (a declined or expired payment); false when it was not open. */
export async function closeTransaction(db: Db, syssn: string, code: string): Promise<boolean> {
  const closed = await db
    .update(sandboxTransactions)
    .set({ respcd: code, pendingQueriesLeft: null, pendingSettle: null })
    .where(
      and(
        eq(sandboxTransactions.syssn, syssn),
        eq(sandboxTransactions.orderType, "payment"),
        inArray(sandboxTransactions.respcd, OPEN_CODES),
      ),
    )
    .returning({ syssn: sandboxTransactions.syssn });
  return closed.length > 0;
}

export async function findTransaction(
  db: Db,
  ref: { syssn?: string; outTradeNo?: string },
): Promise<Transaction | null> {
  const where = ref.syssn
    ? eq(sandboxTransactions.syssn, ref.syssn)
    : ref.outTradeNo
      ? eq(sandboxTransactions.outTradeNo, ref.outTradeNo)
      : undefined;
  if (!where) return null;
  const [row] = await db.select().from(sandboxTransactions).where(where).limit(1);
  return row ?? null;
}
