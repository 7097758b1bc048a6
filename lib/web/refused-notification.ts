import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { refusedNotifications } from "../db/schema/notifications";
import { storedText } from "../db/stored-text";
import type { Logger } from "../log";
import { allowRequest, rateKey, REFUSED_NOTIFICATION_RULE, type RateRule } from "./rate-limit";

/** How much of an unverified body is kept: one sample an hour, this long. */
const REFUSED_SAMPLE_CHARS = 512;

export type RefusedReason = "bad_signature" | "oversized" | "unmatched_hint";

export interface RefusedNotification {
  reason: RefusedReason;
  raw: Uint8Array;
  /** Who sent it (lib/web/client-address.ts): refused requests are rate-limited per sender. */
  client: string;
  /** The answer it gets while its sender is within its allowance. */
  status: 401 | 413;
}

/** Counts one request from `client` against `rule`: true while the sender is within its allowance. */
export function admitSender(db: Db, secret: string, now: Date, rule: RateRule, client: string): Promise<boolean> {
  return allowRequest(db, rule, rateKey(rule, [client], secret), now);
}

/**
 * Records a refused request: one log line, and a count in its hour's row with the hour's first body kept
 * as a short sample (so junk at any volume adds no rows). `status` is what its sender is answered.
 */
export async function countRefused(
  db: Db,
  log: Logger,
  now: Date,
  refused: Omit<RefusedNotification, "status">,
  status: number,
): Promise<void> {
  const { reason, raw, client } = refused;
  log.warn({ event: "notification.refused", reason, client, bytes: raw.byteLength, status });
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await db
    .insert(refusedNotifications)
    .values({ reason, hour, sampleBody: storedText(raw, REFUSED_SAMPLE_CHARS), sampleBytes: raw.byteLength })
    .onConflictDoUpdate({
      target: [refusedNotifications.reason, refusedNotifications.hour],
      set: { count: sql`${refusedNotifications.count} + 1`, lastReceivedAt: sql`now()` },
    });
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
  if (!(await admitSender(db, secret, now, REFUSED_NOTIFICATION_RULE, refused.client))) {
    log.warn({ event: "notification.refused", reason: refused.reason, client: refused.client, status: 429 });
    return 429;
  }
  await countRefused(db, log, now, refused, refused.status);
  return refused.status;
}
