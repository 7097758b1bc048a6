-- Alipay authorisation states already spent, by hash: a replayed session cookie is refused on every instance.
CREATE TABLE "alipay_spent_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"spent_at" timestamp with time zone NOT NULL
);
