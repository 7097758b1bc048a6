import { and, asc, eq, inArray, isNotNull, isNull, lte, min, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { cbtisSandboxWebhooks } from "../../db/schema/cbtis-sandbox";

/**
 * The stand-in's webhooks. Seed 003 gives their body but no retry schedule and no answer it expects: the
 * stand-in counts any HTTP 2xx as received and retries anything else after these delays, then gives up.
 */
export const RETRY_DELAYS_MS = [1, 5, 15, 60, 360].map((minutes) => minutes * 60_000);
const SEND_TIMEOUT_MS = 10_000;
// A claimed row is left alone this long, so two pumps never send the same attempt twice.
const CLAIM_MS = 60_000;
const BATCH = 20;

export function webhookBody(intent: { orderId: string; merchantOrderId: string }): string {
  return JSON.stringify({
    notify_type: "payment_success",
    data: { order_id: intent.orderId, merchant_order_id: intent.merchantOrderId },
  });
}

export async function enqueueWebhook(
  db: Db,
  intent: { orderId: string; merchantOrderId: string },
  url: string,
  firstAt: Date,
): Promise<void> {
  await db
    .insert(cbtisSandboxWebhooks)
    .values({ orderId: intent.orderId, url, body: webhookBody(intent), nextAttemptAt: firstAt });
}

export async function sendWebhook(doFetch: typeof fetch, url: string, body: string) {
  try {
    const response = await doFetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      redirect: "manual",
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, result: `HTTP ${response.status}` };
  } catch {
    return { ok: false, result: "no answer" };
  }
}

/** Sends every webhook that is due; returns when the next one falls due, if any. */
export async function deliverDueWebhooks(db: Db, doFetch: typeof fetch, now: () => Date): Promise<Date | null> {
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: cbtisSandboxWebhooks.id })
        .from(cbtisSandboxWebhooks)
        .where(
          and(
            isNull(cbtisSandboxWebhooks.deliveredAt),
            isNotNull(cbtisSandboxWebhooks.nextAttemptAt),
            lte(cbtisSandboxWebhooks.nextAttemptAt, now()),
          ),
        )
        .orderBy(asc(cbtisSandboxWebhooks.nextAttemptAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(cbtisSandboxWebhooks)
        .set({
          nextAttemptAt: new Date(now().getTime() + CLAIM_MS),
          attempts: sql`${cbtisSandboxWebhooks.attempts} + 1`,
        })
        .where(
          inArray(
            cbtisSandboxWebhooks.id,
            due.map((row) => row.id),
          ),
        )
        .returning();
    });
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (row) => {
        const { ok, result } = await sendWebhook(doFetch, row.url, row.body);
        const delay = RETRY_DELAYS_MS[row.attempts - 1];
        await db
          .update(cbtisSandboxWebhooks)
          .set(
            ok
              ? { deliveredAt: now(), nextAttemptAt: null, lastResult: result }
              : delay === undefined
                ? { nextAttemptAt: null, lastResult: `${result}; gave up after ${row.attempts} attempts` }
                : { nextAttemptAt: new Date(now().getTime() + delay), lastResult: result },
          )
          .where(eq(cbtisSandboxWebhooks.id, row.id));
      }),
    );
  }
  const [next] = await db
    .select({ at: min(cbtisSandboxWebhooks.nextAttemptAt) })
    .from(cbtisSandboxWebhooks)
    .where(and(isNull(cbtisSandboxWebhooks.deliveredAt), isNotNull(cbtisSandboxWebhooks.nextAttemptAt)));
  return next?.at ?? null;
}

/** Webhooks awaiting a retry are made due now (the control endpoint's `retry`), so tests need not wait. */
export async function retryNow(db: Db, now: Date): Promise<void> {
  await db
    .update(cbtisSandboxWebhooks)
    .set({ nextAttemptAt: now })
    .where(and(isNull(cbtisSandboxWebhooks.deliveredAt), isNotNull(cbtisSandboxWebhooks.nextAttemptAt)));
}

export async function webhooksFor(db: Db, orderId: string) {
  return db
    .select()
    .from(cbtisSandboxWebhooks)
    .where(eq(cbtisSandboxWebhooks.orderId, orderId))
    .orderBy(asc(cbtisSandboxWebhooks.id));
}

export async function abandonPendingWebhooks(db: Db): Promise<void> {
  await db
    .update(cbtisSandboxWebhooks)
    .set({ nextAttemptAt: null, lastResult: "abandoned by a sandbox reset" })
    .where(and(isNull(cbtisSandboxWebhooks.deliveredAt), isNotNull(cbtisSandboxWebhooks.nextAttemptAt)));
}
