import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const MAIL_KINDS = ["receipt", "refund"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_STATES = ["queued", "sent", "failed"] as const;
export type MailState = (typeof MAIL_STATES)[number];

/**
 * The outbox: each message a shopper is owed, written in the same transaction as the transition that owes
 * it (an order paid, a refund succeeded), then delivered over SMTP by whoever claims it first. The message
 * itself is composed at delivery from the rows it names, which never change once it is owed.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: serial("id").primaryKey(),
    /** One message per thing owed ("receipt:<order>", "refund:<refund>"): the unique index makes it once. */
    messageKey: text("message_key").notNull(),
    kind: text("kind").$type<MailKind>().notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    /** The paid attempt a receipt is for, or the refunded payment's. */
    attemptId: integer("attempt_id"),
    refundId: integer("refund_id"),
    recipient: text("recipient").notNull(),
    state: text("state").$type<MailState>().notNull().default("queued"),
    /** Sends tried so far (a claim counts as one: a crash mid-send used up its try). */
    tries: integer("tries").notNull().default(0),
    /** When a retry falls due; null: due at once (every time compared is the shop's clock, never the database's). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** Held by one deliverer until then; a deliverer that died lets it lapse and another takes over. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    leaseToken: text("lease_token"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("mail_outbox_message_key").on(t.messageKey),
    index("mail_outbox_due").on(t.state, t.nextAttemptAt),
    index("mail_outbox_order").on(t.orderId),
  ],
);
