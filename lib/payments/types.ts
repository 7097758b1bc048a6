import type { orderEvents, orderItems, orders } from "../db/schema/orders";
import type { paymentAttempts, refunds } from "../db/schema/payments";

export type { OrderState } from "../db/schema/orders";
export type { AttemptState, RefundState } from "../db/schema/payments";

/** The rows the payments core works with, as the store reads them (one declaration each). */
export type Order = typeof orders.$inferSelect;
export type OrderItem = typeof orderItems.$inferSelect;
export type Attempt = typeof paymentAttempts.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;

/** An entry of an order's story, as a transition or a flag writes it. */
export interface EventInput {
  orderId: string;
  type: string;
  cause: string;
  attemptId?: number;
  refundId?: number;
  fromState?: string;
  toState?: string;
  detail?: Record<string, unknown>;
}
export { ORDER_STATES } from "../db/schema/orders";
