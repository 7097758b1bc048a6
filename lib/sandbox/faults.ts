import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/connection";
import { sandboxFaults } from "../db/schema/sandbox";
import { RESPONSE } from "./response-codes";
import { UNKNOWN_OUTCOME_ANSWERS } from "./transaction-states";

/**
 * Faults a test scripts through the control endpoint. Each is consumed by the next matching call:
 * - `respcd`: answer this code and do nothing (1100 maintenance, 1265 refund window, ...);
 * - `pending`: create the transaction but answer 1143/1145 (or 1295-1298); queries report it pending (1143,
 *   1145 or 1298; 1145 for the network codes 1295-1297) `afterQueries` times, then it is paid (`settle: "paid"`) or stays pending until it expires (`settle: "never"`);
 * - `timeout`, `http500`, `truncated`, `drop`: the transport fails (a late answer, a 500 with an HTML
 *   body, half the JSON, a dropped connection), with the work done first unless `create` is false;
 * - on `notify`, `delay`: the next notification is first sent only after `delayMs` (a late one).
 */
export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("respcd"),
    endpoint: z.enum(["payment", "query", "refund"]),
    code: z
      .string()
      .regex(/^\d{4}$/)
      .refine((code) => code !== RESPONSE.success, "a respcd fault must be an error code"),
  }),
  z.object({
    kind: z.literal("pending"),
    endpoint: z.literal("payment"),
    code: z.enum(UNKNOWN_OUTCOME_ANSWERS),
    afterQueries: z.number().int().min(0).max(1000).default(1),
    settle: z.enum(["paid", "never"]).default("paid"),
  }),
  z.object({
    kind: z.enum(["timeout", "http500", "truncated", "drop"]),
    endpoint: z.enum(["payment", "query", "refund"]),
    create: z.boolean().default(true),
    delayMs: z.number().int().min(0).max(120_000).default(20_000),
  }),
  z.object({
    kind: z.literal("delay"),
    endpoint: z.literal("notify"),
    delayMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600_000),
  }),
]);

export type Fault = z.output<typeof faultSchema>;

export async function addFault(db: Db, fault: Fault, count: number, outTradeNo: string | undefined): Promise<void> {
  const { kind, endpoint, ...rest } = fault;
  const code = "code" in rest ? rest.code : null;
  const options = { ...rest } as Record<string, unknown>;
  delete options.code;
  await db
    .insert(sandboxFaults)
    .values({ endpoint, kind, code, outTradeNo: outTradeNo ?? null, remaining: count, options });
}

/** Takes one use of the oldest fault for this call, if any: concurrent calls never share one use. */
export async function takeFault(
  db: Db,
  endpoint: Fault["endpoint"],
  outTradeNo: string | undefined,
): Promise<Fault | null> {
  const match = and(
    eq(sandboxFaults.endpoint, endpoint),
    gt(sandboxFaults.remaining, 0),
    outTradeNo === undefined
      ? isNull(sandboxFaults.outTradeNo)
      : or(isNull(sandboxFaults.outTradeNo), eq(sandboxFaults.outTradeNo, outTradeNo)),
  );
  // One statement: the claim and the use together, skipping a row another call is taking.
  const [taken] = await db
    .update(sandboxFaults)
    .set({ remaining: sql`${sandboxFaults.remaining} - 1` })
    .where(
      eq(
        sandboxFaults.id,
        db
          .select({ id: sandboxFaults.id })
          .from(sandboxFaults)
          .where(match)
          .orderBy(asc(sandboxFaults.id))
          .limit(1)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();
  if (!taken) return null;
  const parsed = faultSchema.safeParse({
    kind: taken.kind,
    endpoint: taken.endpoint,
    code: taken.code ?? undefined,
    ...taken.options,
  });
  return parsed.success ? parsed.data : null;
}

export async function clearFaults(db: Db): Promise<void> {
  await db.delete(sandboxFaults);
}
