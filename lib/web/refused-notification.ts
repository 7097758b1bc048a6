import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { refusedNotifications } from "../db/schema/notifications";
import { storedText } from "../db/stored-text";
import type { Logger } from "../log";
import { allowRequest, rateKey, REFUSED_NOTIFICATION_RULE } from "./rate-limit";

/** How much of an unverified body is kept: one sample an hour, this long. */
const REFUSED_SAMPLE_CHARS = 512;

export interface RefusedNotification {
  reason: "bad_signature" | "oversized";
  raw: Uint8Array;
  /** Who sent it (lib/web/client-address.ts): refused requests are rate-limited per sender. */
  client: string;
  /** The answer it gets while its sender is within its allowance. */
  status: 401 | 413;
}

/**
 * A request to the notification endpoint that proves nothing: counted in its hour's row (the first body
 * kept as a short sample), so that junk at any volume adds no rows; a sender over its allowance is
 * answered 429 and not counted. Returns the status to answer with.
 */
export async function countRefusedNotification(
  db: Db,
  log: Logger,
  secret: string,
  now: Date,
  refused: RefusedNotification,
): Promise<number> {
  const { reason, raw, client } = refused;
  const allowed = await allowRequest(
    db,
    REFUSED_NOTIFICATION_RULE,
    rateKey(REFUSED_NOTIFICATION_RULE, [client], secret),
    now,
  );
  const status = allowed ? refused.status : 429;
  log.warn({ event: "notification.refused", reason, client, bytes: raw.byteLength, status });
  if (!allowed) return status;
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await db
    .insert(refusedNotifications)
    .values({ reason, hour, sampleBody: storedText(raw, REFUSED_SAMPLE_CHARS), sampleBytes: raw.byteLength })
    .onConflictDoUpdate({
      target: [refusedNotifications.reason, refusedNotifications.hour],
      set: { count: sql`${refusedNotifications.count} + 1`, lastReceivedAt: sql`now()` },
    });
  return status;
}
