import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const ORDER_STATES = [
  "awaiting_payment",
  "paid",
  "partially_refunded",
  "refunded",
  "expired",
  "failed",
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const orders = pgTable(
  "orders",
  {
    /** Public, unguessable (128 random bits, base64url): it appears in URLs. */
    id: text("id").primaryKey(),
    /**
     * What people read and say: "HT-7K3M-9Q2P", unique, from shop_order_number() (migration 0009) so that
     * every insert gets one. Not a secret: URLs keep the unguessable id.
     */
    number: text("number")
      .notNull()
      .default(sql`shop_order_number()`),
    ownerSessionId: text("owner_session_id").notNull(),
    /** The session and cart it was placed from: a second submit of the same cart finds this order. */
    checkoutKey: text("checkout_key"),
    /** The gateway mode it was placed in (sandbox, test, live); null for orders from before it was recorded. */
    mode: text("mode").$type<"sandbox" | "test" | "live">(),
    email: text("email").notNull(),
    /**
     * The language the shopper paid in (en, zh-HK, zh-CN): return_url brings them back to it and the receipt
     * is written in it, whichever browser or language they come back with.
     */
    locale: text("locale").notNull().default("en"),
    currency: text("currency").notNull(),
    /** Minor units, always an integer. */
    total: bigint("total", { mode: "number" }).notNull(),
    state: text("state").$type<OrderState>().notNull(),
    refundedTotal: bigint("refunded_total", { mode: "number" }).notNull().default(0),
    needsReview: boolean("needs_review").notNull().default(false),
    reviewReason: text("review_reason"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_owner").on(t.ownerSessionId),
    index("orders_state").on(t.state),
    index("orders_created").on(t.createdAt),
    uniqueIndex("orders_checkout_key").on(t.checkoutKey),
    uniqueIndex("orders_number").on(t.number),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: serial("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    unitPrice: bigint("unit_price", { mode: "number" }).notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [index("order_items_order").on(t.orderId)],
);

/** Append-only: every transition of an order, an attempt or a refund, with its cause. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: serial("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    type: text("type").notNull(),
    attemptId: integer("attempt_id"),
    refundId: integer("refund_id"),
    fromState: text("from_state"),
    toState: text("to_state"),
    /** What caused it: checkout, gateway answer, notification, query, reconciliation, admin, cashier... */
    cause: text("cause").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order").on(t.orderId, t.id), index("order_events_type").on(t.type)],
);
