import type { PaymentsContext } from "./context";
import type { QueryItem } from "../qfpay/responses";
import { queryWindowsFor, type QueryWindow } from "../qfpay/query-window";
import { truthFromQueryItem, type GatewayTruth } from "./gateway-truth";
import { confirms, isPaidBy, type PaymentClaim } from "./payment-claim";
import { settleAttempt } from "./settle-attempt";
import { claimAttemptQueries } from "./store/attempts";
import type { Attempt } from "./types";

export type QueryResult = "settled" | "too_soon" | "gateway_unavailable";
/** What a query did for one attempt, with what QFPay said when it answered. */
export type QueryOutcome = { result: "settled"; truth: GatewayTruth } | { result: "too_soon" | "gateway_unavailable" };

type QueriedAttempt = Pick<Attempt, "id" | "outTradeNo" | "txdtm">;

/** QFPay answers at most 100 rows a page: half that many numbers per query leaves room to spare. */
export const MAX_QUERY_BATCH = 50;
const PAGE_SIZE = 100;

/**
 * Asks QFPay what became of an attempt and applies the answer. At most one caller queries an attempt
 * per spacing interval (a guarded claim on `last_queried_at`), so pollers never flood the gateway.
 */
export async function queryAttempt(ctx: PaymentsContext, attempt: QueriedAttempt, cause: string): Promise<QueryResult> {
  return (await queryAttempts(ctx, [attempt], cause)).get(attempt.id)?.result ?? "too_soon";
}

/**
 * queryAttempt for several attempts at once: one claim, and one query per calendar month of up to
 * MAX_QUERY_BATCH numbers (QFPay's query takes a comma list of out_trade_no), each answer applied on its own.
 * `unspaced` skips the spacing claim: a signed notification is confirmed at once, even just after a poll;
 * `claims` are what signed notifications said of these attempts, checked against QFPay's answer as it is applied.
 */
export async function queryAttempts(
  ctx: PaymentsContext,
  attempts: QueriedAttempt[],
  cause: string,
  options: { unspaced?: boolean; claims?: ReadonlyMap<number, readonly PaymentClaim[]> } = {},
): Promise<Map<number, QueryOutcome>> {
  const results = new Map<number, QueryOutcome>(attempts.map((attempt) => [attempt.id, { result: "too_soon" }]));
  if (attempts.length === 0) return results;
  const claimed = await claimAttemptQueries(
    ctx.db,
    [...results.keys()],
    ctx.now(),
    options.unspaced ? null : ctx.querySpacingMs,
  );

  // Each attempt is searched in its month, and in the neighbouring one near a month's boundary.
  const found = new Map<number, QueryItem>();
  const unsure = new Set<number>();
  for (const { window, attempts: group } of batchesOf(claimed)) {
    const outcome = await ctx.qfpay.query({
      out_trade_no: group.map((attempt) => attempt.outTradeNo).join(","),
      ...window,
      page_size: PAGE_SIZE,
    });
    // A full page may have left rows for a second one: what it does not show is not known to be absent.
    const complete = outcome.kind === "accepted" && outcome.value.data.length < PAGE_SIZE;
    for (const current of group) {
      const item =
        outcome.kind === "accepted"
          ? outcome.value.data.find(
              (row) => row.out_trade_no === current.outTradeNo && (row.order_type ?? "payment") === "payment",
            )
          : undefined;
      if (item) found.set(current.id, item);
      else if (!complete) unsure.add(current.id);
    }
  }
  for (const current of claimed) {
    const item = found.get(current.id);
    if (!item && unsure.has(current.id)) {
      results.set(current.id, { result: "gateway_unavailable" });
      continue;
    }
    const truth = truthFromQueryItem(item);
    // The row as claimed: when it already stood paid by this payment (paid is final) and nobody claimed
    // otherwise, nothing is left to do.
    const claims = options.claims?.get(current.id) ?? [];
    const settled =
      truth.kind === "paid" && isPaidBy(current, truth) && claims.every((claim) => confirms(truth, claim));
    if (!settled) await settleAttempt(ctx, current.id, truth, `query:${cause}`, claims);
    results.set(current.id, { result: "settled", truth });
  }
  return results;
}

/** Claimed attempts grouped by the month QFPay must search (one attempt may be in two), MAX_QUERY_BATCH at most per group. */
function batchesOf(attempts: Attempt[]): { window: QueryWindow; attempts: Attempt[] }[] {
  const byMonth = new Map<string, { window: QueryWindow; attempts: Attempt[] }>();
  for (const attempt of attempts) {
    for (const window of queryWindowsFor(attempt.txdtm)) {
      const month = byMonth.get(window.start_time) ?? { window, attempts: [] };
      month.attempts.push(attempt);
      byMonth.set(window.start_time, month);
    }
  }
  return [...byMonth.values()].flatMap(({ window, attempts: month }) =>
    Array.from({ length: Math.ceil(month.length / MAX_QUERY_BATCH) }, (_, i) => ({
      window,
      attempts: month.slice(i * MAX_QUERY_BATCH, (i + 1) * MAX_QUERY_BATCH),
    })),
  );
}
