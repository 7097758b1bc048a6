import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/connection";
import { alipaySpentStates } from "../db/schema/alipay-spent-states";

/**
 * Spends an authorisation's state once for every instance: true for the first return carrying it, false
 * for any other (a reload, a replayed cookie, a second request racing the first). Only its hash is kept:
 * the state itself is a bearer token while it is fresh.
 */
export async function spendAlipayState(db: Db, state: string, now: Date): Promise<boolean> {
  const stateHash = createHash("sha256").update(state).digest("base64url");
  const spent = await db
    .insert(alipaySpentStates)
    .values({ stateHash, spentAt: now })
    .onConflictDoNothing()
    .returning({ stateHash: alipaySpentStates.stateHash });
  return spent.length === 1;
}
