ALTER TABLE "orders" ADD COLUMN "checkout_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_checkout_key" ON "orders" USING btree ("checkout_key");