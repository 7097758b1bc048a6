CREATE TABLE "sandbox_faults" (
	"id" serial PRIMARY KEY NOT NULL,
	"endpoint" text NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"out_trade_no" text,
	"remaining" integer NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"syssn" text NOT NULL,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"last_result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_transactions" (
	"syssn" text PRIMARY KEY NOT NULL,
	"app_code" text NOT NULL,
	"order_type" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"pay_type" text NOT NULL,
	"txamt" bigint NOT NULL,
	"txcurrcd" text NOT NULL,
	"txdtm" text NOT NULL,
	"sysdtm" text NOT NULL,
	"paydtm" text,
	"respcd" text NOT NULL,
	"cancel" text DEFAULT '0' NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"orig_syssn" text,
	"goods_name" text,
	"notify_url" text,
	"return_url" text,
	"expires_at" timestamp with time zone,
	"pending_queries_left" integer,
	"pending_settle" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sandbox_notifications_due" ON "sandbox_notifications" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_transactions_app_out_trade_no" ON "sandbox_transactions" USING btree ("app_code","out_trade_no");--> statement-breakpoint
CREATE INDEX "sandbox_transactions_orig_syssn" ON "sandbox_transactions" USING btree ("orig_syssn");