import "server-only";
import { and, isNull, lt, or } from "drizzle-orm";
import type { Db } from "./db/connection";
import { signInThrottle } from "./db/schema/admin";
import { alipaySpentStates } from "./db/schema/alipay-spent-states";
import { refusedNotifications } from "./db/schema/notifications";
import { rateLimits } from "./db/schema/rate-limits";

const DAY_MS = 86_400_000;
/** Counters of refused notifications are kept this long, to see an attack or a misconfiguration after the fact. */
export const REFUSED_NOTIFICATIONS_KEPT_DAYS = 30;

export interface PruneSummary {
  rateLimits: number;
  signInThrottle: number;
  refusedNotifications: number;
  alipaySpentStates: number;
}

/**
 * Deletes the rows that only ever grow and stop mattering: rate-limit windows and sign-in counts long
 * over (every window is minutes long; a day is kept), refused-notification counters past their
 * keeping, and Alipay authorisation states spent over a day ago (a state is stale after ten minutes, so
 * a replay of one that old is refused by its age). Run with reconciliation on its schedule.
 */
export async function pruneStaleRows(db: Db, now: Date): Promise<PruneSummary> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const rates = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStartedAt, dayAgo))
    .returning({ key: rateLimits.key });
  const throttles = await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.windowStartedAt, dayAgo),
        or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now)),
      ),
    )
    .returning({ key: signInThrottle.clientKey });
  const refused = await db
    .delete(refusedNotifications)
    .where(lt(refusedNotifications.hour, new Date(now.getTime() - REFUSED_NOTIFICATIONS_KEPT_DAYS * DAY_MS)))
    .returning({ hour: refusedNotifications.hour });
  const spentStates = await db
    .delete(alipaySpentStates)
    .where(lt(alipaySpentStates.spentAt, dayAgo))
    .returning({ stateHash: alipaySpentStates.stateHash });
  return {
    rateLimits: rates.length,
    signInThrottle: throttles.length,
    refusedNotifications: refused.length,
    alipaySpentStates: spentStates.length,
  };
}
