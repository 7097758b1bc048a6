import { bigint, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const ATTEMPT_STATES = [
  "created",
  "awaiting_payment",
  "unknown",
  "paid",
  "failed",
  "expired",
  "superseded",
] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: serial("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    /** Unique per merchant across payments and refunds at QFPay; ours is unique across both tables. */
    outTradeNo: text("out_trade_no").notNull(),
    wallet: text("wallet").$type<"alipayhk" | "alipay">().notNull(),
    payType: text("pay_type").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    state: text("state").$type<AttemptState>().notNull(),
    /** The gateway time sent as txdtm (UTC+8), which also fixes the month a query must search. */
    txdtm: text("txdtm").notNull(),
    syssn: text("syssn"),
    payUrl: text("pay_url"),
    /** The wallet's own trade number its in-app cashier pays (Alipay's tradeNO, from QFPay's 800107 `pay_params`). */
    tradeNo: text("trade_no"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    failureCode: text("failure_code"),
    failureReason: text("failure_reason"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    lastQueriedAt: timestamp("last_queried_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payment_attempts_out_trade_no").on(t.outTradeNo),
    index("payment_attempts_order").on(t.orderId),
    index("payment_attempts_state").on(t.state),
  ],
);

export const REFUND_STATES = ["created", "unknown", "succeeded", "failed"] as const;
export type RefundState = (typeof REFUND_STATES)[number];

export const refunds = pgTable(
  "refunds",
  {
    id: serial("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    attemptId: integer("attempt_id")
      .notNull()
      .references(() => paymentAttempts.id),
    outTradeNo: text("out_trade_no").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    state: text("state").$type<RefundState>().notNull(),
    txdtm: text("txdtm").notNull(),
    syssn: text("syssn"),
    failureCode: text("failure_code"),
    failureReason: text("failure_reason"),
    /** The form's one-time key: a double submit finds the refund the first submit made. */
    requestKey: text("request_key"),
    lastQueriedAt: timestamp("last_queried_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("refunds_out_trade_no").on(t.outTradeNo),
    uniqueIndex("refunds_request_key").on(t.requestKey),
    index("refunds_order").on(t.orderId),
  ],
);
