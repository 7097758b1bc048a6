import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The sandbox gateway's own state: what QFPay would hold on its side. The shop's tables never refer to
 * these; the shop learns of them only over HTTP, as it would from QFPay.
 */
export const sandboxTransactions = pgTable(
  "sandbox_transactions",
  {
    syssn: text("syssn").primaryKey(),
    appCode: text("app_code").notNull(),
    orderType: text("order_type").$type<"payment" | "refund">().notNull(),
    outTradeNo: text("out_trade_no").notNull(),
    payType: text("pay_type").notNull(),
    txamt: bigint("txamt", { mode: "number" }).notNull(),
    txcurrcd: text("txcurrcd").notNull(),
    txdtm: text("txdtm").notNull(),
    /** Gateway time (UTC+8, no offset) of creation, QFPay's settlement cut-off and query filter. */
    sysdtm: text("sysdtm").notNull(),
    paydtm: text("paydtm"),
    /** The transaction's state as `/trade/v1/query` reports it. */
    respcd: text("respcd").notNull(),
    cancel: text("cancel").notNull().default("0"),
    refundedAmount: bigint("refunded_amount", { mode: "number" }).notNull().default(0),
    origSyssn: text("orig_syssn"),
    goodsName: text("goods_name"),
    notifyUrl: text("notify_url"),
    returnUrl: text("return_url"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** A scripted 1143/1145: queries left before it settles, and how. */
    pendingQueriesLeft: integer("pending_queries_left"),
    pendingSettle: text("pending_settle").$type<"paid" | "never">(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // QFPay: out_trade_no is unique per merchant across every payment and refund.
    uniqueIndex("sandbox_transactions_app_out_trade_no").on(t.appCode, t.outTradeNo),
    index("sandbox_transactions_orig_syssn").on(t.origSyssn),
  ],
);

export const sandboxNotifications = pgTable(
  "sandbox_notifications",
  {
    id: serial("id").primaryKey(),
    syssn: text("syssn").notNull(),
    url: text("url").notNull(),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    lastResult: text("last_result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sandbox_notifications_due").on(t.nextAttemptAt)],
);

export type SandboxFaultOptions = {
  delayMs?: number;
  create?: boolean;
  afterQueries?: number;
  settle?: "paid" | "never";
};

export const sandboxFaults = pgTable("sandbox_faults", {
  id: serial("id").primaryKey(),
  endpoint: text("endpoint").$type<"payment" | "query" | "refund" | "notify">().notNull(),
  kind: text("kind").notNull(),
  code: text("code"),
  outTradeNo: text("out_trade_no"),
  remaining: integer("remaining").notNull(),
  options: jsonb("options").$type<SandboxFaultOptions>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sandboxSettings = pgTable("sandbox_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<number>().notNull(),
});
