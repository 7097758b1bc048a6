import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The CBTIS stand-in's own state: what CBTIS would hold on its side (lib/sandbox/cbtis). The shop's
 * tables never refer to these; the shop learns of them only over CBTIS's API.
 */
export const cbtisSandboxIntents = pgTable(
  "cbtis_sandbox_intents",
  {
    orderId: text("order_id").primaryKey(),
    merchantOrderId: text("merchant_order_id").notNull(),
    /** As the merchant sent it: a decimal in the currency's major unit. */
    amount: text("amount").notNull(),
    currency: text("currency").notNull(),
    wallet: text("wallet").$type<"ALIPAYCN" | "ALIPAYHK">().notNull(),
    flow: text("flow").notNull(),
    description: text("description").notNull(),
    notifyUrl: text("notify_url"),
    status: text("status").$type<"PENDING" | "SUCCEEDED" | "CANCELLED">().notNull(),
    createTime: text("create_time").notNull(),
    payTime: text("pay_time"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** A scripted "pending" fault: queries left before it settles, and how. */
    pendingQueriesLeft: integer("pending_queries_left"),
    pendingSettle: text("pending_settle").$type<"paid" | "cancelled" | "never">(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cbtis_sandbox_intents_merchant_order_id").on(t.merchantOrderId)],
);

export const cbtisSandboxWebhooks = pgTable(
  "cbtis_sandbox_webhooks",
  {
    id: serial("id").primaryKey(),
    orderId: text("order_id").notNull(),
    url: text("url").notNull(),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    lastResult: text("last_result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cbtis_sandbox_webhooks_due").on(t.nextAttemptAt)],
);

export const cbtisSandboxFaults = pgTable("cbtis_sandbox_faults", {
  id: serial("id").primaryKey(),
  endpoint: text("endpoint").$type<"create" | "query" | "webhook">().notNull(),
  kind: text("kind").notNull(),
  merchantOrderId: text("merchant_order_id"),
  remaining: integer("remaining").notNull(),
  options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
