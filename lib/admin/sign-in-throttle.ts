import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { signInThrottle } from "../db/schema/admin";

/** Guesses allowed in a window before the client is locked out, and for how long. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export function clientKeyFor(address: string, secret: string): string {
  return createHmac("sha256", secret).update(`sign-in:${address}`).digest("hex").slice(0, 40);
}

export type Guess = { allowed: true; number: number } | { allowed: false; until: Date };

/**
 * Counts a guess before the password is compared, in one statement that takes the client's row lock:
 * however many guesses arrive together, on however many instances, at most MAX_FAILURES per window are
 * ever compared. A locked-out client's row is left as it is (the statement's WHERE) and the guess refused.
 */
export async function takeGuess(db: Db, clientKey: string, now: Date): Promise<Guess> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const [row] = await db
    .insert(signInThrottle)
    .values({ clientKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.clientKey,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${now} else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: null,
      },
      setWhere: or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now)),
    })
    .returning({ failures: signInThrottle.failures });
  if (row && row.failures <= MAX_FAILURES) return { allowed: true, number: row.failures };
  // Over the count (the lock is set by the guess that reached it), or locked: the row says until when.
  const until = new Date(now.getTime() + LOCK_MS);
  await db
    .update(signInThrottle)
    .set({ lockedUntil: until })
    .where(
      and(
        eq(signInThrottle.clientKey, clientKey),
        or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now)),
      ),
    );
  const [locked] = await db
    .select({ until: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(eq(signInThrottle.clientKey, clientKey));
  return { allowed: false, until: locked?.until ?? until };
}

/** A compared guess was wrong: the one that used the window's last guess locks the client out. */
export async function guessFailed(db: Db, clientKey: string, guess: number, now: Date): Promise<void> {
  if (guess < MAX_FAILURES) return;
  await db
    .update(signInThrottle)
    .set({ lockedUntil: new Date(now.getTime() + LOCK_MS) })
    .where(eq(signInThrottle.clientKey, clientKey));
}

/** A right password: the client's count starts again. */
export async function clearFailures(db: Db, clientKey: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.clientKey, clientKey));
}

/** Slows each further failure down: 0.4 s, 0.8 s, ... up to 2 s. */
export function failureDelayMs(failures: number): number {
  return Math.min(failures * 400, 2_000);
}
