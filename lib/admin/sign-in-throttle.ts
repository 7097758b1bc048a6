import "server-only";
import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { signInThrottle } from "../db/schema/admin";

/** Failures allowed in a window before the client is locked out, and for how long. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export function clientKeyFor(address: string, secret: string): string {
  return createHmac("sha256", secret).update(`sign-in:${address}`).digest("hex").slice(0, 40);
}

/** When the client may try again, if it is locked out now. */
export async function lockedUntil(db: Db, clientKey: string, now: Date): Promise<Date | null> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.clientKey, clientKey));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure (atomically, across instances); returns the failures in the window so far. */
export async function recordFailure(db: Db, clientKey: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const [row] = await db
    .insert(signInThrottle)
    .values({ clientKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.clientKey,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${now} else ${signInThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: signInThrottle.failures });
  const failures = row?.failures ?? 1;
  if (failures >= MAX_FAILURES) {
    await db.update(signInThrottle).set({ lockedUntil: new Date(now.getTime() + LOCK_MS) }).where(eq(signInThrottle.clientKey, clientKey));
  }
  return failures;
}

export async function clearFailures(db: Db, clientKey: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.clientKey, clientKey));
}

/** Slows each further failure down: 0.4 s, 0.8 s, ... up to 2 s. */
export function failureDelayMs(failures: number): number {
  return Math.min(failures * 400, 2_000);
}
