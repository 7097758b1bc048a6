import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { orders } from "../../db/schema/orders";
import { paymentAttempts } from "../../db/schema/payments";
import { OPEN_ATTEMPT_STATES } from "../state-machine";
import type { Attempt, Order } from "../types";
import { recordEvent } from "./events";
import { ROW_LOCK, type Tx } from "./transaction";

export async function lockAttempt(tx: Tx, attemptId: number): Promise<Attempt | undefined> {
  const [attempt] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId)).for(ROW_LOCK);
  return attempt;
}

/**
 * The attempt and its order, both locked in one round trip. PostgreSQL locks a statement's rows in the
 * order its `OF` list names their tables: the attempt and then its order, the order every transaction that
 * locks both takes them in (lib/payments/retry-payment.ts says why).
 */
export async function lockAttemptWithOrder(
  tx: Tx,
  attemptId: number,
): Promise<{ attempt: Attempt; order: Order } | undefined> {
  const [locked] = await tx
    .select({ attempt: paymentAttempts, order: orders })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(eq(paymentAttempts.id, attemptId))
    .for(ROW_LOCK, { of: [paymentAttempts, orders] });
  return locked;
}

/**
 * The order's latest attempt: the one a shopper can be shown, and the one whose expiry expires the order.
 * With `lock`, read and locked in `db`, which must then be a transaction.
 */
export async function latestAttempt(db: Db, orderId: string): Promise<Attempt | undefined>;
export async function latestAttempt(tx: Tx, orderId: string, options: { lock: true }): Promise<Attempt | undefined>;
export async function latestAttempt(
  db: Db | Tx,
  orderId: string,
  options: { lock?: boolean } = {},
): Promise<Attempt | undefined> {
  const [latest] = await db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(desc(paymentAttempts.id))
    .limit(1);
  if (!latest || !options.lock) return latest;
  return lockAttempt(db as Tx, latest.id);
}

/**
 * The order's state and its latest attempt, in one round trip: what the order page's live status reads on
 * every poll. Undefined when there is no such order; `attempt` is null for an order without one.
 */
export async function orderStateWithLatestAttempt(
  db: Db,
  orderId: string,
): Promise<{ state: Order["state"]; attempt: Attempt | null } | undefined> {
  const [row] = await db
    .select({ state: orders.state, attempt: paymentAttempts })
    .from(orders)
    .leftJoin(
      paymentAttempts,
      eq(
        paymentAttempts.id,
        sql`(select max(latest.id) from ${paymentAttempts} latest where latest.order_id = ${orders.id})`,
      ),
    )
    .where(eq(orders.id, orderId));
  return row;
}

/** The id of the order's latest attempt, unlocked: a transaction compares it before and after its locks. */
export async function latestAttemptId(tx: Tx, orderId: string): Promise<number | undefined> {
  const [latest] = await tx
    .select({ id: paymentAttempts.id })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(desc(paymentAttempts.id))
    .limit(1);
  return latest?.id;
}

/** Every attempt of an order, the latest first. */
export async function attemptsOf(db: Db, orderId: string): Promise<Attempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(desc(paymentAttempts.id));
}

export async function readAttempt(db: Db, attemptId: number): Promise<Attempt | undefined> {
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  return attempt;
}

export async function attemptByOutTradeNo(db: Db, outTradeNo: string): Promise<Attempt | undefined> {
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.outTradeNo, outTradeNo));
  return attempt;
}

/** The payment a refund names as its origin: QFPay's number for it, or the shop's. */
export async function attemptByOrigin(db: Db, origin: string): Promise<Attempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(or(eq(paymentAttempts.syssn, origin), eq(paymentAttempts.outTradeNo, origin)));
  return attempt;
}

export type NewAttempt = Pick<
  Attempt,
  "orderId" | "outTradeNo" | "wallet" | "payType" | "amount" | "currency" | "txdtm" | "expiresAt"
>;

/** A new attempt, not yet sent to QFPay, with its event. */
export async function insertAttempt(tx: Tx, attempt: NewAttempt, cause: string): Promise<Attempt> {
  const [created] = await tx
    .insert(paymentAttempts)
    .values({ ...attempt, state: "created" })
    .returning();
  await recordEvent(tx, {
    orderId: attempt.orderId,
    type: "attempt.created",
    cause,
    attemptId: created!.id,
    toState: "created",
    detail: { wallet: attempt.wallet, payType: attempt.payType, outTradeNo: attempt.outTradeNo },
  });
  return created!;
}

/** Columns that come with QFPay's word but move no state (a link, a number learnt late). */
export async function updateAttemptDetails(
  tx: Tx,
  attemptId: number,
  set: Partial<Pick<Attempt, "syssn" | "payUrl" | "tradeNo">>,
): Promise<void> {
  await tx.update(paymentAttempts).set(set).where(eq(paymentAttempts.id, attemptId));
}

/**
 * Claims the right to query these attempts now: `last_queried_at` is set on those not queried within
 * `spacingMs` (all of them when `spacingMs` is null), in one guarded update, so that of many callers
 * only one asks QFPay. Returns the attempts claimed, as they stand.
 */
export async function claimAttemptQueries(
  db: Db,
  attemptIds: number[],
  now: Date,
  spacingMs: number | null,
): Promise<Attempt[]> {
  const ids = inArray(paymentAttempts.id, attemptIds);
  const spaced =
    spacingMs === null
      ? undefined
      : or(
          isNull(paymentAttempts.lastQueriedAt),
          lt(paymentAttempts.lastQueriedAt, new Date(now.getTime() - spacingMs)),
        );
  return db.update(paymentAttempts).set({ lastQueriedAt: now }).where(and(ids, spaced)).returning();
}

/** Attempts open, or replaced ones that expired after `replacedSince`: those reconciliation asks about. */
export async function attemptsToReconcile(db: Db, replacedSince: Date, limit: number): Promise<Attempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(
      or(
        inArray(paymentAttempts.state, [...OPEN_ATTEMPT_STATES]),
        and(eq(paymentAttempts.state, "superseded"), gt(paymentAttempts.expiresAt, replacedSince)),
      ),
    )
    .orderBy(asc(paymentAttempts.id))
    .limit(limit);
}
