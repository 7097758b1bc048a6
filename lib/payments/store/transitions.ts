import { and, eq, inArray, sql } from "drizzle-orm";
import { orderEvents, orders } from "../../db/schema/orders";
import { paymentAttempts, refunds } from "../../db/schema/payments";
import { attemptSourcesFor, canMoveAttempt, canMoveOrder, orderSourcesFor, refundSourcesFor } from "../state-machine";
import type { Attempt, AttemptState, EventInput, Order, OrderState, Refund, RefundState } from "../types";
import { recordEvent } from "./events";
import { lockAttempt } from "./attempts";
import { lockOrder } from "./orders";
import { ROW_LOCK, type Tx } from "./transaction";

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
  if (!from || !canMoveOrder(from, to)) return null;
  const moved = await tx
    .update(orders)
    .set({ ...options.set, state: to, updatedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), inArray(orders.state, orderSourcesFor(to))))
    .returning({ id: orders.id });
  if (moved.length === 0) return null;
  const event = {
    orderId,
    type: `order.${to}`,
    cause,
    fromState: from,
    toState: to,
    attemptId: options.attemptId,
    refundId: options.refundId,
    detail: options.detail,
  };
  if (options.events) options.events.push(event);
  else await recordEvent(tx, event);
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
  const moved = await tx
    .update(paymentAttempts)
    .set({ ...options.set, state: to, updatedAt: sql`now()` })
    .where(and(eq(paymentAttempts.id, attempt.id), inArray(paymentAttempts.state, attemptSourcesFor(to))))
    .returning({ id: paymentAttempts.id });
  if (moved.length === 0) return null;
  const event = {
    orderId: attempt.orderId,
    type: `attempt.${to}`,
    cause,
    attemptId: attempt.id,
    fromState: from,
    toState: to,
    detail: options.detail,
  };
  if (options.events) options.events.push(event);
  else await recordEvent(tx, event);
  return from;
}

export async function moveRefund(
  tx: Tx,
  refund: Pick<Refund, "id" | "orderId">,
  to: RefundState,
  cause: string,
  options: { set?: Partial<Refund>; detail?: Record<string, unknown> } = {},
): Promise<RefundState | null> {
  const [current] = await tx.select().from(refunds).where(eq(refunds.id, refund.id)).for(ROW_LOCK);
  if (!current || !refundSourcesFor(to).includes(current.state)) return null;
  const moved = await tx
    .update(refunds)
    .set({ ...options.set, state: to, updatedAt: sql`now()` })
    .where(and(eq(refunds.id, refund.id), inArray(refunds.state, refundSourcesFor(to))))
    .returning({ id: refunds.id });
  if (moved.length === 0) return null;
  await recordEvent(tx, {
    orderId: refund.orderId,
    type: `refund.${to}`,
    cause,
    refundId: refund.id,
    fromState: current.state,
    toState: to,
    detail: options.detail,
  });
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
