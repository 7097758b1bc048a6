import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { cbtisSandboxFaults } from "../../db/schema/cbtis-sandbox";

/**
 * Faults a test scripts through the CBTIS control endpoint, each consumed by the next matching call:
 * - `timeout`, `http500`, `unreadable`: the transport fails (a late answer, a 500 with an HTML body, half
 *   the JSON), with the work done first unless `create` is false;
 * - `code`: answer this non-zero code and do nothing (a refusal);
 * - `pending` (on create): the intent is created, and its queries say PENDING `afterQueries` times before it
 *   settles as `settle` says: paid, cancelled, or left to the shopper (`never`);
 * - `delay` (on webhook): the next webhook goes out only after `delayMs`.
 */
export const cbtisFaultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(["timeout", "http500", "unreadable"]),
    endpoint: z.enum(["create", "query"]),
    create: z.boolean().default(true),
    delayMs: z.number().int().min(0).max(120_000).default(20_000),
  }),
  z.object({
    kind: z.literal("code"),
    endpoint: z.enum(["create", "query"]),
    code: z
      .number()
      .int()
      .refine((code) => code !== 0, "a code fault must be an error code"),
  }),
  z.object({
    kind: z.literal("pending"),
    endpoint: z.literal("create"),
    afterQueries: z.number().int().min(0).max(1000).default(1),
    settle: z.enum(["paid", "cancelled", "never"]).default("paid"),
  }),
  z.object({
    kind: z.literal("delay"),
    endpoint: z.literal("webhook"),
    delayMs: z.number().int().min(0).max(86_400_000),
  }),
]);
export type CbtisFault = z.output<typeof cbtisFaultSchema>;

export async function addFault(db: Db, fault: CbtisFault, count: number, merchantOrderId: string | undefined) {
  const { kind, endpoint, ...options } = fault;
  await db
    .insert(cbtisSandboxFaults)
    .values({ endpoint, kind, merchantOrderId: merchantOrderId ?? null, remaining: count, options });
}

/** Takes one use of the oldest fault for this call, if any: concurrent calls never share one use. */
export async function takeFault(
  db: Db,
  endpoint: CbtisFault["endpoint"],
  merchantOrderId: string | undefined,
): Promise<CbtisFault | null> {
  const match = and(
    eq(cbtisSandboxFaults.endpoint, endpoint),
    gt(cbtisSandboxFaults.remaining, 0),
    merchantOrderId === undefined
      ? isNull(cbtisSandboxFaults.merchantOrderId)
      : or(isNull(cbtisSandboxFaults.merchantOrderId), eq(cbtisSandboxFaults.merchantOrderId, merchantOrderId)),
  );
  const [taken] = await db
    .update(cbtisSandboxFaults)
    .set({ remaining: sql`${cbtisSandboxFaults.remaining} - 1` })
    .where(
      eq(
        cbtisSandboxFaults.id,
        db
          .select({ id: cbtisSandboxFaults.id })
          .from(cbtisSandboxFaults)
          .where(match)
          .orderBy(asc(cbtisSandboxFaults.id))
          .limit(1)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();
  if (!taken) return null;
  const parsed = cbtisFaultSchema.safeParse({ kind: taken.kind, endpoint: taken.endpoint, ...taken.options });
  return parsed.success ? parsed.data : null;
}

export async function clearFaults(db: Db): Promise<void> {
  await db.delete(cbtisSandboxFaults);
}
