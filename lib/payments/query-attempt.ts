import type { PaymentsContext } from "./context";
import type { GatewayTruth } from "./gateway";
import { confirms, isPaidBy, type PaymentClaim } from "./payment-claim";
import { settleAttempt } from "./settle-attempt";
import { claimAttemptQueries } from "./store/attempts";
import type { Attempt } from "./types";

export type QueryResult = "settled" | "too_soon" | "gateway_unavailable";
/** What a look-up did for one attempt, with what the gateway said when it answered. */
export type QueryOutcome = { result: "settled"; truth: GatewayTruth } | { result: "too_soon" | "gateway_unavailable" };

type QueriedAttempt = Pick<Attempt, "id" | "outTradeNo" | "txdtm">;

/**
 * How many answers of one look-up are applied at once. On PostgreSQL each holds a connection of the pool
 * (10, or 5 on a serverless host) for its transaction, and the requests answered meanwhile need the rest.
 */
const APPLIED_AT_ONCE = 4;

/**
 * Asks the gateway what became of an attempt and applies the answer. At most one caller queries an attempt
 * per spacing interval (a guarded claim on `last_queried_at`), so pollers never flood the gateway.
 */
export async function queryAttempt(ctx: PaymentsContext, attempt: QueriedAttempt, cause: string): Promise<QueryResult> {
  return (await queryAttempts(ctx, [attempt], cause)).get(attempt.id)?.result ?? "too_soon";
}

/**
 * queryAttempt for several attempts at once: one claim and one look-up (which the gateway may split as its
 * query requires), each answer applied on its own.
 * `unspaced` skips the spacing claim: a signed notification is confirmed at once, even just after a poll;
 * `claims` are what signed notifications said of these attempts, checked against the gateway's answer as it is applied.
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

  if (claimed.length === 0) return results;
  const truths = await ctx.gateway.lookUpPayments(
    claimed.map((attempt) => ({ outTradeNo: attempt.outTradeNo, requestTime: attempt.txdtm })),
  );
  const apply = async (current: Attempt) => {
    const truth = truths.get(current.outTradeNo);
    if (!truth) {
      results.set(current.id, { result: "gateway_unavailable" });
      return;
    }
    // The row as claimed: when it already stood paid by this payment (paid is final) and nobody claimed
    // otherwise, nothing is left to do.
    const claims = options.claims?.get(current.id) ?? [];
    const settled =
      truth.kind === "paid" && isPaidBy(current, truth) && claims.every((claim) => confirms(truth, claim));
    if (!settled) await settleAttempt(ctx, current.id, truth, `query:${cause}`, claims);
    results.set(current.id, { result: "settled", truth });
  };
  // Each answer is applied in a transaction of its own, a few at a time: one after another, a burst's
  // batch kept the database waiting on each round trip in turn while the server sat idle.
  const waiting = [...claimed];
  const applier = async () => {
    for (let current = waiting.shift(); current; current = waiting.shift()) await apply(current);
  };
  await Promise.all(Array.from({ length: Math.min(APPLIED_AT_ONCE, waiting.length) }, applier));
  return results;
}
