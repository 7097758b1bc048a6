CREATE TABLE "cbtis_sandbox_faults" (
	"id" serial PRIMARY KEY NOT NULL,
	"endpoint" text NOT NULL,
	"kind" text NOT NULL,
	"merchant_order_id" text,
	"remaining" integer NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cbtis_sandbox_intents" (
	"order_id" text PRIMARY KEY NOT NULL,
	"merchant_order_id" text NOT NULL,
	"amount" text NOT NULL,
	"currency" text NOT NULL,
	"wallet" text NOT NULL,
	"flow" text NOT NULL,
	"description" text NOT NULL,
	"notify_url" text,
	"status" text NOT NULL,
	"create_time" text NOT NULL,
	"pay_time" text,
	"expires_at" timestamp with time zone NOT NULL,
	"pending_queries_left" integer,
	"pending_settle" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cbtis_sandbox_webhooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"last_result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cbtis_sandbox_intents_merchant_order_id" ON "cbtis_sandbox_intents" USING btree ("merchant_order_id");--> statement-breakpoint
CREATE INDEX "cbtis_sandbox_webhooks_due" ON "cbtis_sandbox_webhooks" USING btree ("next_attempt_at");