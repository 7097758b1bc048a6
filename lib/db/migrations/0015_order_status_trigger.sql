-- Each order event that moves a state names its order on the 'order_status' channel
-- (lib/payments/store/order-status-channel.ts), delivered once the transaction commits and never for one
-- rolled back. The database does it with the insert: a pg_notify statement of the shop's own cost every
-- paying, checking out or refunding transaction a round trip more. Copies of one name in one transaction
-- are delivered once, as Postgres folds identical notifications.
CREATE FUNCTION shop_announce_order_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('order_status', NEW.order_id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER order_events_announce_move AFTER INSERT ON "order_events"
  FOR EACH ROW WHEN (NEW.to_state IS NOT NULL) EXECUTE FUNCTION shop_announce_order_move();
