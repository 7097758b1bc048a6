-- Alipay's Service Window (800107): the sandbox's one-time auth codes, and the tradeNO an attempt's in-app cashier pays.
CREATE TABLE "sandbox_alipay_auth_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"user_id" text NOT NULL,
	"scope" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "trade_no" text;