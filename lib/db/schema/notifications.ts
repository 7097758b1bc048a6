import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * What came of a verified notification: `unconfirmed` while QFPay's query cannot vouch for it yet (a
 * later copy updates the row). Refused ones (bad signature, oversized, unmatched hints) are counted in
 * refused_notifications.
 */
export const NOTIFICATION_OUTCOMES = [
  "applied",
  "unconfirmed",
  "malformed",
  "unknown_order",
  "mismatch",
  "ignored",
] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/** Every notification received, verified or not. Identical bodies share a row and count up. */
export const receivedNotifications = pgTable(
  "received_notifications",
  {
    id: serial("id").primaryKey(),
    /** SHA-256 of the raw body and the signature header: the same delivery received again is the same row. */
    dedupeKey: text("dedupe_key").notNull(),
    rawBody: text("raw_body").notNull(),
    bodyBytes: integer("body_bytes").notNull(),
    signature: text("signature"),
    signatureValid: boolean("signature_valid").notNull(),
    notifyType: text("notify_type"),
    outTradeNo: text("out_trade_no"),
    syssn: text("syssn"),
    orderId: text("order_id"),
    outcome: text("outcome").$type<NotificationOutcome>().notNull(),
    detail: text("detail"),
    timesReceived: integer("times_received").notNull().default(1),
    firstReceivedAt: timestamp("first_received_at", { withTimezone: true }).notNull().defaultNow(),
    lastReceivedAt: timestamp("last_received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("received_notifications_dedupe").on(t.dedupeKey),
    index("received_notifications_order").on(t.orderId),
    index("received_notifications_out_trade_no").on(t.outTradeNo),
  ],
);

/**
 * Requests to the notification endpoint that prove nothing (a bad signature, an oversized body, an unproven
 * hint naming nothing the shop acts on): anyone
 * can send them, so they are counted per hour with one short sample, never stored one by one.
 */
export const refusedNotifications = pgTable(
  "refused_notifications",
  {
    reason: text("reason").$type<"bad_signature" | "oversized" | "unmatched_hint">().notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(1),
    /** The hour's first body, cut short: enough to tell a misconfigured client_key from noise. */
    sampleBody: text("sample_body").notNull(),
    sampleBytes: integer("sample_bytes").notNull(),
    lastReceivedAt: timestamp("last_received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reason, t.hour] })],
);
