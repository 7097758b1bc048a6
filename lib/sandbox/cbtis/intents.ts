import { randomInt } from "node:crypto";
import { and, eq, lte } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { cbtisSandboxIntents } from "../../db/schema/cbtis-sandbox";

export type Intent = typeof cbtisSandboxIntents.$inferSelect;

/** CBTIS's own number for an intent, as the seed's examples write it: "C" and 21 digits. */
export function newOrderId(): string {
  return `C${Array.from({ length: 21 }, () => randomInt(10)).join("")}`;
}

/** CBTIS's times carry their offset (seed 003: "2023-08-31T04:44:05.928696203+08:00"); the stand-in writes UTC. */
export const cbtisTime = (at: Date) => at.toISOString();

/** Unpaid intents past their time are cancelled, as CBTIS's table says ("canceled or timeout"). */
export async function expireOverdue(db: Db, now: Date): Promise<void> {
  await db
    .update(cbtisSandboxIntents)
    .set({ status: "CANCELLED", pendingQueriesLeft: null, pendingSettle: null })
    .where(and(eq(cbtisSandboxIntents.status, "PENDING"), lte(cbtisSandboxIntents.expiresAt, now)));
}

/** Moves a pending intent to paid or cancelled once; null when it was no longer pending. */
export async function settleIntent(
  db: Db,
  orderId: string,
  to: "SUCCEEDED" | "CANCELLED",
  now: Date,
): Promise<Intent | null> {
  await expireOverdue(db, now);
  const [moved] = await db
    .update(cbtisSandboxIntents)
    .set({
      status: to,
      payTime: to === "SUCCEEDED" ? cbtisTime(now) : null,
      pendingQueriesLeft: null,
      pendingSettle: null,
    })
    .where(and(eq(cbtisSandboxIntents.orderId, orderId), eq(cbtisSandboxIntents.status, "PENDING")))
    .returning();
  return moved ?? null;
}

export async function findIntent(db: Db, ref: { orderId?: string; merchantOrderId?: string }): Promise<Intent | null> {
  const where = and(
    ref.orderId ? eq(cbtisSandboxIntents.orderId, ref.orderId) : undefined,
    ref.merchantOrderId ? eq(cbtisSandboxIntents.merchantOrderId, ref.merchantOrderId) : undefined,
  );
  if (!ref.orderId && !ref.merchantOrderId) return null;
  const [row] = await db.select().from(cbtisSandboxIntents).where(where).limit(1);
  return row ?? null;
}

/** The intent as seed 003's query answers it. */
export function intentAnswer(intent: Intent) {
  return {
    order_id: intent.orderId,
    merchant_order_id: intent.merchantOrderId,
    amount: intent.amount,
    currency: intent.currency,
    status: intent.status,
    create_time: intent.createTime,
    ...(intent.payTime ? { pay_time: intent.payTime } : {}),
  };
}
