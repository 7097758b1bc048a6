import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { receivedNotifications, type NotificationOutcome } from "../../db/schema/notifications";
import { storedText } from "../../db/stored-text";

export type { NotificationOutcome };

/** QFPay's bodies are a few hundred bytes: more than this of one is not kept. */
const STORED_BODY_CHARS = 16 * 1024;

export interface NotificationRecord {
  raw: Uint8Array;
  signature: string | null;
  outcome: NotificationOutcome;
  notifyType?: string;
  outTradeNo?: string;
  syssn?: string;
  orderId?: string;
  detail?: string;
  /** False for a message whose sender the shop cannot verify (a hint): its row is the message it names. */
  proven?: boolean;
}

/**
 * A verified notification (or a hint about a known payment), kept whole, with what came of it: the admin
 * shows it in the order's story.
 * A copy (QFPay resends until it hears SUCCESS) counts itself on the first one's row and leaves there
 * the latest outcome. Returns how many times it has been received.
 */
export async function recordNotification(db: Db, record: NotificationRecord): Promise<number> {
  const { raw, signature, proven = true, ...fields } = record;
  // An unproven body's bytes mean nothing: reworded copies of one hint share its row rather than each adding one.
  const dedupeKey = createHash("sha256")
    .update(proven ? raw : `hint\n${fields.notifyType}\n${fields.outTradeNo}\n${fields.syssn}`)
    .update("\n")
    .update(proven ? (signature ?? "") : "")
    .digest("hex");
  const [row] = await db
    .insert(receivedNotifications)
    .values({
      ...fields,
      dedupeKey,
      rawBody: storedText(raw, STORED_BODY_CHARS),
      bodyBytes: raw.byteLength,
      signature: signature?.slice(0, 128) ?? null,
      signatureValid: proven,
    })
    .onConflictDoUpdate({
      target: receivedNotifications.dedupeKey,
      set: {
        timesReceived: sql`${receivedNotifications.timesReceived} + 1`,
        lastReceivedAt: sql`now()`,
        outcome: fields.outcome,
        detail: fields.detail ?? null,
      },
    })
    .returning({ times: receivedNotifications.timesReceived });
  return row?.times ?? 1;
}
