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

/** Runs `work` in one transaction; the order events it recorded reach the log after the commit. */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const events: EventInput[] = [];
  const result = await db.transaction((tx) => {
    committedLater.set(tx, events);
    return work(tx);
  });
  for (const { orderId, type, cause, attemptId, refundId, fromState, toState } of events) {
    logger.info({ event: "order.event", type, orderId, cause, attemptId, refundId, from: fromState, to: toState });
  }
  return result;
}

/** Queues events for the log line their transaction writes on commit. */
export function logOnCommit(tx: Tx, events: EventInput[]): void {
  committedLater.get(tx)?.push(...events);
}
