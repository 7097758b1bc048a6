import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { mailOutbox, type MailKind } from "../../db/schema/mail";
import { orders } from "../../db/schema/orders";
import { mailQueuedIn, type Tx } from "./transaction";

export type OutboxMail = typeof mailOutbox.$inferSelect;

interface OwedMail {
  kind: MailKind;
  orderId: string;
  attemptId?: number;
  refundId?: number;
}

/** The key that makes a message owed once, and the stable part of its Message-ID. */
function messageKeyOf(mail: OwedMail): string {
  return mail.kind === "receipt" ? `receipt:${mail.orderId}` : `refund:${mail.refundId}`;
}

/**
 * Owes the shopper a message, in the transaction of the transition that owes it: committed together or
 * not at all. A second call for the same thing finds the first row and adds nothing.
 */
export async function queueMail(tx: Tx, mail: OwedMail): Promise<void> {
  const inserted = await tx
    .insert(mailOutbox)
    .values({
      ...mail,
      messageKey: messageKeyOf(mail),
      // The address the order was placed with, read in the same statement.
      recipient: sql`(select ${orders.email} from ${orders} where ${orders.id} = ${mail.orderId})`,
    })
    .onConflictDoNothing({ target: mailOutbox.messageKey })
    .returning({ id: mailOutbox.id });
  if (inserted.length > 0) mailQueuedIn(tx);
}

/**
 * Claims up to `limit` messages due now for one deliverer: a lease until `now + leaseMs` under a token
 * only it knows, taken in one statement whose `FOR UPDATE SKIP LOCKED` lets two deliverers pass each
 * other without waiting and without both taking one row. A lapsed lease (its deliverer died) is due again.
 */
export async function claimDueMail(db: Db, now: Date, leaseMs: number, limit: number): Promise<OutboxMail[]> {
  const token = randomUUID();
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.state, "queued"),
        or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now)),
        or(isNull(mailOutbox.leaseUntil), lt(mailOutbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(mailOutbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return (
    db
      .update(mailOutbox)
      .set({
        leaseUntil: new Date(now.getTime() + leaseMs),
        leaseToken: token,
        tries: sql`${mailOutbox.tries} + 1`,
      })
      // The ids picked once, into an array: as `id IN (subquery)`, PostgreSQL may run the subquery again for
      // each row it compares, each run locking further rows, so a claim of one took every message due.
      .where(and(sql`${mailOutbox.id} = any(array(${due}))`, eq(mailOutbox.state, "queued")))
      .returning()
  );
}

/** The lease still held: a deliverer whose lease lapsed and was taken over writes nothing. */
const held = (mail: Pick<OutboxMail, "id" | "leaseToken">) =>
  and(eq(mailOutbox.id, mail.id), eq(mailOutbox.leaseToken, mail.leaseToken!), eq(mailOutbox.state, "queued"));

export async function markMailSent(db: Db, mail: OutboxMail, now: Date): Promise<boolean> {
  const marked = await db
    .update(mailOutbox)
    .set({ state: "sent", sentAt: now, leaseUntil: null, leaseToken: null, lastError: null })
    .where(held(mail))
    .returning({ id: mailOutbox.id });
  return marked.length > 0;
}

/** A send that failed: tried again from `retryAt`, or, with null, given up on (the order page says so). */
export async function markMailUnsent(db: Db, mail: OutboxMail, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(mailOutbox)
    .set({
      state: retryAt ? "queued" : "failed",
      nextAttemptAt: retryAt ?? mail.nextAttemptAt,
      leaseUntil: null,
      leaseToken: null,
      lastError: error,
    })
    .where(held(mail));
}

/** The messages an order owes or owed its shopper, oldest first: what its page may claim about them. */
export async function mailOfOrder(db: Db, orderId: string): Promise<OutboxMail[]> {
  return db.select().from(mailOutbox).where(eq(mailOutbox.orderId, orderId)).orderBy(asc(mailOutbox.id));
}

/** The newest messages of the whole outbox, for the sandbox's mailbox page. */
export async function latestMail(db: Db, limit: number): Promise<OutboxMail[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit);
}
