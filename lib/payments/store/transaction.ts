import type { Db } from "../../db/connection";
import { logger } from "../../log";
import type { EventInput } from "../types";

/**
 * Drizzle's transaction. A row lock or a transition takes a Tx, and a Tx comes only from `transaction()`
 * below, so none of them can run outside a transaction by mistake (a Db is not a Tx).
 */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Row locks on orders and attempts are `FOR NO KEY UPDATE`: they exclude each other as `FOR UPDATE` does,
 * but not the key-share locks that inserting a refund or an event takes on the rows it references. With
 * `FOR UPDATE`, a refund notification (inserting its refund, then locking the order) and its payment's
 * notification (locking the attempt, then the order) deadlocked on PostgreSQL. No key here ever changes.
 */
export const ROW_LOCK = "no key update";

/** Events each open transaction recorded: logged once it commits, never for one rolled back. */
const committedLater = new WeakMap<Tx, EventInput[]>();

/** Transactions that owed a shopper a message (lib/payments/store/mail-outbox.ts). */
const queuedMail = new WeakSet<Tx>();

/**
 * Who delivers a database's outbox once a transaction that filled it commits: the composition root
 * registers it (lib/gateways), since delivery needs the context the store knows nothing of. Kept here so
 * that every transaction that queues mail kicks delivery, whichever use case ran it.
 */
const mailListeners = new WeakMap<Db, () => void>();

export function onMailQueued(db: Db, listener: () => void): void {
  mailListeners.set(db, listener);
}

/**
 * Runs `work` in one transaction; the order events it recorded reach the log after the commit. Each order
 * whose state moved is announced on ORDER_STATUS_CHANNEL by the database itself as its event is inserted
 * (migration 0015), delivered after the commit: to every listening process on PostgreSQL, to this one on
 * PGlite.
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const events: EventInput[] = [];
  let mailOwed = false;
  const result = await db.transaction(async (tx) => {
    committedLater.set(tx, events);
    const value = await work(tx);
    mailOwed = queuedMail.has(tx);
    return value;
  });
  for (const { orderId, type, cause, attemptId, refundId, fromState, toState } of events) {
    logger.info({ event: "order.event", type, orderId, cause, attemptId, refundId, from: fromState, to: toState });
  }
  if (mailOwed) mailListeners.get(db)?.();
  return result;
}

/** Notes that this transaction queued mail, to be delivered once it commits. */
export function mailQueuedIn(tx: Tx): void {
  queuedMail.add(tx);
}

/** Queues events for the log line their transaction writes on commit. */
export function logOnCommit(tx: Tx, events: EventInput[]): void {
  committedLater.get(tx)?.push(...events);
}
