import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { orderEvents, orders } from "../../db/schema/orders";
import { paymentAttempts, refunds } from "../../db/schema/payments";
import { attemptSourcesFor, canMoveAttempt, canMoveOrder, orderSourcesFor, refundSourcesFor } from "../state-machine";
import type { Attempt, AttemptState, EventInput, Order, OrderState, Refund, RefundState } from "../types";
import { recordEvent } from "./events";
import { lockAttempt } from "./attempts";
import { lockOrder } from "./orders";
import { lockRefund } from "./refunds";
import { queueMail } from "./mail-outbox";
import type { Tx } from "./transaction";

/**
 * What the move functions take besides the row: the columns to set with the state, the event's detail,
 * `from` (the state this transaction read when it locked the row: given, the row is not locked and read
 * again, and the guarded update still checks it), and `events` (given, the move's event is added there
 * for the caller to record with others, instead of being inserted on its own).
 */
interface MoveOptions<Row, State> {
  set?: Partial<Row>;
  detail?: Record<string, unknown>;
  from?: State;
  events?: EventInput[];
}

type StateTable = typeof orders | typeof paymentAttempts | typeof refunds;

/**
 * The one statement every move is: `to` set (with `set`) on the row only while it still stands in a state
 * the state machine lets it leave for `to`, so that of two callers racing for one change only one wins.
 */
async function guardedMove(
  tx: Tx,
  table: StateTable,
  id: string | number,
  to: string,
  sources: readonly string[],
  set: Record<string, unknown> = {},
): Promise<boolean> {
  // One body for three tables: Drizzle types an update per table, and the columns used are on all three.
  const row = table as typeof orders;
  const moved = await tx
    .update(row)
    .set({ ...set, state: to, updatedAt: sql`now()` } as PgUpdateSetSource<typeof orders>)
    .where(and(eq(row.id, id as string), inArray(row.state, sources as OrderState[])))
    .returning({ id: row.id });
  return moved.length > 0;
}

/** A move's event: added to `events` for the caller to record with others, or recorded now. */
async function emit(tx: Tx, event: EventInput, events: EventInput[] | undefined): Promise<void> {
  if (events) events.push(event);
  else await recordEvent(tx, event);
}

/**
 * Moves an order to `to` if the state machine allows it from where it stands, as one guarded update
 * plus its event. Returns the state it left, or null when the move was not allowed (someone else won).
 */
export async function moveOrder(
  tx: Tx,
  orderId: string,
  to: OrderState,
  cause: string,
  options: MoveOptions<Order, OrderState> & { attemptId?: number; refundId?: number } = {},
): Promise<OrderState | null> {
  const from = options.from ?? (await lockOrder(tx, orderId))?.state;
  if (
    !from ||
    !canMoveOrder(from, to) ||
    !(await guardedMove(tx, orders, orderId, to, orderSourcesFor(to), options.set))
  ) {
    return null;
  }
  const { attemptId, refundId, detail } = options;
  await emit(
    tx,
    { orderId, type: `order.${to}`, cause, fromState: from, toState: to, attemptId, refundId, detail },
    options.events,
  );
  // The order's first payment, once: its receipt is owed in the transaction that records it.
  if (from === "awaiting_payment" && to === "paid") await queueMail(tx, { kind: "receipt", orderId, attemptId });
  return from;
}

export async function moveAttempt(
  tx: Tx,
  attempt: Pick<Attempt, "id" | "orderId">,
  to: AttemptState,
  cause: string,
  options: MoveOptions<Attempt, AttemptState> = {},
): Promise<AttemptState | null> {
  const from = options.from ?? (await lockAttempt(tx, attempt.id))?.state;
  if (!from || !canMoveAttempt(from, to)) return null;
  if (!(await guardedMove(tx, paymentAttempts, attempt.id, to, attemptSourcesFor(to), options.set))) return null;
  const event = { orderId: attempt.orderId, attemptId: attempt.id, detail: options.detail };
  await emit(tx, { ...event, type: `attempt.${to}`, cause, fromState: from, toState: to }, options.events);
  return from;
}

export async function moveRefund(
  tx: Tx,
  refund: Pick<Refund, "id" | "orderId">,
  to: RefundState,
  cause: string,
  options: Omit<MoveOptions<Refund, RefundState>, "from" | "events"> = {},
): Promise<RefundState | null> {
  const current = await lockRefund(tx, refund.id);
  if (!current || !refundSourcesFor(to).includes(current.state)) return null;
  if (!(await guardedMove(tx, refunds, refund.id, to, refundSourcesFor(to), options.set))) return null;
  const event = { orderId: refund.orderId, refundId: refund.id, detail: options.detail };
  await emit(tx, { ...event, type: `refund.${to}`, cause, fromState: current.state, toState: to }, undefined);
  if (to === "succeeded")
    await queueMail(tx, { kind: "refund", orderId: refund.orderId, refundId: refund.id, attemptId: current.attemptId });
  return current.state;
}

/** Raises the merchant's flag on an order; the first reason stays, later ones go to the event log. */
export async function flagForReview(
  tx: Tx,
  orderId: string,
  reason: string,
  cause: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .update(orders)
    .set({ needsReview: true, reviewReason: sql`coalesce(${orders.reviewReason}, ${reason})`, updatedAt: sql`now()` })
    .where(eq(orders.id, orderId));
  await recordEvent(tx, { orderId, type: "order.needs_review", cause, detail: { reason, ...detail } });
}

/**
 * flagForReview, unless the order was already flagged for this very reason: the same news, however many
 * messages repeat it, is told once (whatever other flags the order carries).
 */
export async function flagForReviewOnce(
  tx: Tx,
  orderId: string,
  reason: string,
  cause: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const [told] = await tx
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.orderId, orderId),
        eq(orderEvents.type, "order.needs_review"),
        sql`${orderEvents.detail}->>'reason' = ${reason}`,
      ),
    )
    .limit(1);
  if (!told) await flagForReview(tx, orderId, reason, cause, detail);
}
