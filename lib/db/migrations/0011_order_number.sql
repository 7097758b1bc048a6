-- The order number people read (receipts, the phone, the admin's search): "HT-" and two groups of four
-- from 30 characters no one confuses (no 0/O, 1/I/L, U), 30^8 of them. Made by the database so that
-- every insert gets one; lib/payments/order-number.ts reads what a person types back into this form.
CREATE FUNCTION shop_order_number() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'HT-' || string_agg(
    CASE WHEN i = 5 THEN '-' ELSE '' END || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 30)::int, 1),
    '' ORDER BY i)
  FROM generate_series(1, 8) AS i
$$;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "number" text DEFAULT shop_order_number() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number" ON "orders" USING btree ("number");
