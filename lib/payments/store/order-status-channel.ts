/**
 * The database channel on which a committed transaction names each order whose state (or latest attempt's
 * state) it moved: inserting an order event with a `to_state` announces its order (the trigger of
 * migration 0015, which writes this name too; tests/unit/order-status-feed.db.test.ts listens here). The
 * payload is the order id and nothing else: a listener reads the state itself, so a notification carries
 * no secret and believing one costs nothing but a read.
 */
export const ORDER_STATUS_CHANNEL = "order_status";
