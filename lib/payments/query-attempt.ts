import { and, eq, isNull, lt, or } from "drizzle-orm";
import { paymentAttempts } from "../db/schema/payments";
import type { PaymentsContext } from "./context";
import { truthFromQueryItem } from "./gateway-truth";
import { isPaidBy, settleAttempt, type Attempt } from "./settle-attempt";

export type QueryResult = "settled" | "too_soon" | "gateway_unavailable";

/** QFPay searches one calendar month (of `sysdtm`): the month the attempt was sent in, gateway time. */
export function queryMonthOf(txdtm: string): { start_time: string; end_time: string } {
  const [year, month] = txdtm.slice(0, 7).split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = txdtm.slice(0, 7);
  return { start_time: `${prefix}-01 00:00:00`, end_time: `${prefix}-${String(lastDay).padStart(2, "0")} 23:59:59` };
}

/**
 * Asks QFPay what became of an attempt and applies the answer. At most one caller queries an attempt
 * per spacing interval (a guarded claim on `last_queried_at`), so pollers never flood the gateway.
 */
export async function queryAttempt(ctx: PaymentsContext, attempt: Pick<Attempt, "id" | "outTradeNo" | "txdtm">, cause: string): Promise<QueryResult> {
  const now = ctx.now();
  const claimed = await ctx.db
    .update(paymentAttempts)
    .set({ lastQueriedAt: now })
    .where(
      and(
        eq(paymentAttempts.id, attempt.id),
        or(isNull(paymentAttempts.lastQueriedAt), lt(paymentAttempts.lastQueriedAt, new Date(now.getTime() - ctx.querySpacingMs))),
      ),
    )
    .returning({ id: paymentAttempts.id });
  if (claimed.length === 0) return "too_soon";

  const outcome = await ctx.qfpay.query({ out_trade_no: attempt.outTradeNo, ...queryMonthOf(attempt.txdtm) });
  if (outcome.kind !== "accepted") return "gateway_unavailable";
  const item = outcome.value.data.find((row) => row.out_trade_no === attempt.outTradeNo && (row.order_type ?? "payment") === "payment");
  const truth = truthFromQueryItem(item);
  if (truth.kind === "paid") {
    const [current] = await ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
    if (current && isPaidBy(current, truth)) return "settled";
  }
  await settleAttempt(ctx, attempt.id, truth, `query:${cause}`);
  return "settled";
}
