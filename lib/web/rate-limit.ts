import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { rateLimits } from "../db/schema/rate-limits";

export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

/** Checkouts per client: a shopper never needs more; a script filling the orders table does. */
export const CHECKOUT_RULE: RateRule = { name: "checkout", limit: 30, windowMs: 10 * 60_000 };
/** Status polls per client and order: the order page asks every 1.5 s. */
export const STATUS_RULE: RateRule = { name: "status", limit: 90, windowMs: 60_000 };
/**
 * Status streams opened per client and order: a page opens one every four minutes, and again after a
 * dropped connection (the browser waits 3 s); a loop of reconnects is stopped here and the page polls.
 */
export const EVENTS_RULE: RateRule = { name: "events", limit: 20, windowMs: 60_000 };

/** Refused notifications (bad signature, oversized) per sender: QFPay itself never sends one. */
export const REFUSED_NOTIFICATION_RULE: RateRule = { name: "refused-notify", limit: 60, windowMs: 60_000 };

/**
 * Messages that prove no sender (CBTIS's webhooks, which the shop can only check by query) per sender: room
 * for the provider's own bursts after an outage, none for a flood that would make the shop query at will.
 */
export const UNPROVEN_NOTIFICATION_RULE: RateRule = { name: "unproven-notify", limit: 120, windowMs: 60_000 };

export function rateKey(rule: RateRule, parts: string[], secret: string): string {
  return `${rule.name}:${createHmac("sha256", secret).update(parts.join("\u0000")).digest("hex").slice(0, 32)}`;
}

/** Counts one request against the rule, atomically; true while the count is within the limit. */
export async function allowRequest(db: Db, rule: RateRule, key: string, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStartedAt} < ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} < ${windowStart} then ${now} else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= rule.limit;
}
