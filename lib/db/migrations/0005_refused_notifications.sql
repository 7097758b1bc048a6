CREATE TABLE "refused_notifications" (
	"reason" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"sample_body" text NOT NULL,
	"sample_bytes" integer NOT NULL,
	"last_received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refused_notifications_reason_hour_pk" PRIMARY KEY("reason","hour")
);
