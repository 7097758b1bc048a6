CREATE TABLE "admin_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"password_tag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
