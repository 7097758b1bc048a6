-- The language an order was placed in: its return_url and its receipt speak it. Orders from before are English.
ALTER TABLE "orders" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;