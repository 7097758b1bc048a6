import { and, asc, eq, inArray, isNotNull, isNull, lte, min, sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { sandboxNotifications, sandboxTransactions } from "../db/schema/sandbox";
import { SANDBOX_CLIENT_KEY } from "./credentials";
import { notificationSignature } from "./notification-signature";
import { pythonJsonDumps } from "./python-json";
import { readSettings } from "./settings";

type Transaction = typeof sandboxTransactions.$inferSelect;

/** QFPay retries a notification not answered `SUCCESS` after these delays, then never again. */
export const RETRY_DELAYS_MS = [2, 10, 10, 60, 120, 360, 900].map((minutes) => minutes * 60_000);
const SEND_TIMEOUT_MS = 10_000;
// A claimed row is left alone this long, so two pumps never send the same attempt twice.
const CLAIM_MS = 60_000;
const BATCH = 20;

/** The body QFPay sends for a paid payment or a successful refund, field order as in its samples. */
export function notificationBody(tx: Transaction): string {
  const common: [string, string][] = [
    ["status", "1"],
    ["pay_type", tx.payType],
    ["sysdtm", tx.sysdtm],
    ["paydtm", tx.paydtm ?? tx.sysdtm],
  ];
  if (tx.orderType === "refund") {
    return pythonJsonDumps([
      ...common,
      ["txcurrcd", tx.txcurrcd],
      ["txdtm", tx.txdtm],
      ["txamt", String(tx.txamt)],
      ["out_trade_no", tx.outTradeNo],
      ["syssn", tx.syssn],
      ["orig_syssn", tx.origSyssn ?? ""],
      ["cancel", tx.cancel],
      ["respcd", tx.respcd],
      ["notify_type", "refund"],
    ]);
  }
  return pythonJsonDumps([
    ...common,
    ["goods_name", tx.goodsName ?? ""],
    ["txcurrcd", tx.txcurrcd],
    ["txdtm", tx.txdtm],
    ["txamt", String(tx.txamt)],
    ["out_trade_no", tx.outTradeNo],
    ["syssn", tx.syssn],
    ["cancel", tx.cancel],
    ["respcd", tx.respcd],
    ["notify_type", "payment"],
    ["chnlsn", `20${tx.syssn.slice(0, 24)}`],
  ]);
}

export async function enqueueNotification(db: Db, tx: Transaction, url: string, firstAt: Date): Promise<void> {
  await db
    .insert(sandboxNotifications)
    .values({ syssn: tx.syssn, url, body: notificationBody(tx), nextAttemptAt: firstAt });
}

export interface DeliveryResult {
  ok: boolean;
  result: string;
}

/** One POST as QFPay makes it; only HTTP 200 with the body `SUCCESS` counts as received. */
export async function sendNotification(doFetch: typeof fetch, url: string, body: string): Promise<DeliveryResult> {
  try {
    const response = await doFetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-QF-SIGN": notificationSignature(body, SANDBOX_CLIENT_KEY) },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      redirect: "manual",
    });
    const text = (await response.text()).trim();
    const ok = response.status === 200 && text === "SUCCESS";
    return { ok, result: `HTTP ${response.status}${ok ? " SUCCESS" : ""}` };
  } catch {
    return { ok: false, result: "no answer" };
  }
}

/** Sends every notification that is due; returns when the next one falls due, if any. */
export async function deliverDueNotifications(db: Db, doFetch: typeof fetch, now: () => Date): Promise<Date | null> {
  const { timeScale } = await readSettings(db);
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: sandboxNotifications.id })
        .from(sandboxNotifications)
        .where(
          and(
            isNull(sandboxNotifications.deliveredAt),
            isNotNull(sandboxNotifications.nextAttemptAt),
            lte(sandboxNotifications.nextAttemptAt, now()),
          ),
        )
        .orderBy(asc(sandboxNotifications.nextAttemptAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(sandboxNotifications)
        .set({
          nextAttemptAt: new Date(now().getTime() + CLAIM_MS),
          attempts: sql`${sandboxNotifications.attempts} + 1`,
        })
        .where(
          inArray(
            sandboxNotifications.id,
            due.map((row) => row.id),
          ),
        )
        .returning();
    });
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (row) => {
        const { ok, result } = await sendNotification(doFetch, row.url, row.body);
        const delay = RETRY_DELAYS_MS[row.attempts - 1];
        await db
          .update(sandboxNotifications)
          .set(
            ok
              ? { deliveredAt: now(), nextAttemptAt: null, lastResult: result }
              : delay === undefined
                ? { nextAttemptAt: null, lastResult: `${result}; gave up after ${row.attempts} attempts` }
                : { nextAttemptAt: new Date(now().getTime() + delay * timeScale), lastResult: result },
          )
          .where(eq(sandboxNotifications.id, row.id));
      }),
    );
  }
  const [next] = await db
    .select({ at: min(sandboxNotifications.nextAttemptAt) })
    .from(sandboxNotifications)
    .where(and(isNull(sandboxNotifications.deliveredAt), isNotNull(sandboxNotifications.nextAttemptAt)));
  return next?.at ?? null;
}

export async function notificationsFor(db: Db, syssns: string[]) {
  if (syssns.length === 0) return [];
  return db
    .select()
    .from(sandboxNotifications)
    .where(inArray(sandboxNotifications.syssn, syssns))
    .orderBy(asc(sandboxNotifications.id));
}

/** Stops every pending delivery (the control endpoint's reset), so one test's retries never reach the next. */
export async function abandonPendingNotifications(db: Db): Promise<void> {
  await db
    .update(sandboxNotifications)
    .set({ nextAttemptAt: null, lastResult: "abandoned by a sandbox reset" })
    .where(and(isNull(sandboxNotifications.deliveredAt), isNotNull(sandboxNotifications.nextAttemptAt)));
}
