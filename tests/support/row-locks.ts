import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { hasDatabaseCode } from "@/lib/db/errors";
import { transaction, type Tx } from "@/lib/payments/store/transaction";
import { eventually } from "./sandbox-harness";

/**
 * What a statement holds while it waits, on PostgreSQL (PGlite runs one statement at a time): `hold` takes
 * row locks in a transaction kept open, `waiter` runs in another until it waits for one of them, `probe`
 * looks meanwhile; then the holder lets go and the waiter finishes.
 */
export async function whileWaiting<T, P>(
  db: Db,
  hold: (tx: Tx) => Promise<unknown>,
  waiter: (tx: Tx) => Promise<T>,
  probe: () => Promise<P>,
): Promise<{ probed: P; result: T }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const holder = transaction(db, async (tx) => {
    await hold(tx);
    held();
    await released;
  });
  await holding;
  const waiting = transaction(db, waiter);
  try {
    await eventually(async () => {
      const { rows } = (await db.execute(
        sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )) as unknown as { rows: { waiting: number }[] };
      return rows[0]!.waiting === 1;
    });
    const probed = await probe();
    release();
    await holder;
    return { probed, result: await waiting };
  } finally {
    release();
  }
}

/** Whether another transaction holds the row that `lockNowait` (a `… for update nowait` select) locks. */
export async function isRowLocked(db: Db, lockNowait: SQL): Promise<boolean> {
  try {
    await db.execute(lockNowait);
    return false;
  } catch (error) {
    // 55P03, lock_not_available.
    if (hasDatabaseCode(error, "55P03")) return true;
    throw error;
  }
}
