import type { Db } from "../db/connection";
import { errorField } from "../log";
import type { PaymentsContext } from "./context";
import { queryAttempts, type QueryOutcome } from "./query-attempt";
import type { PaymentClaim } from "./payment-claim";
import type { Attempt } from "./types";

/** How long a confirmation waits for others to share its query. */
const GATHER_MS = 20;

interface Batch {
  ctx: PaymentsContext;
  attempts: Map<number, Pick<Attempt, "id" | "outTradeNo" | "txdtm">>;
  /** What signed notifications said of them, checked as QFPay's answer is applied. */
  claims: Map<number, PaymentClaim[]>;
  done: Promise<Map<number, QueryOutcome>>;
  start: () => void;
}

interface Gatherer {
  open: Batch | null;
  /** The batch being queried: the next one waits for it, so confirmations never pile up in parallel. */
  running: Promise<unknown>;
}

// One per database: the running shop has one; tests run several shops in one process.
const gatherers = new WeakMap<Db, Gatherer>();

function openBatch(ctx: PaymentsContext, gatherer: Gatherer): Batch {
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  const batch: Batch = { ctx, attempts: new Map(), claims: new Map(), start, done: Promise.resolve(new Map()) };
  const previous = gatherer.running;
  batch.done = Promise.all([started, previous]).then(async () => {
    if (gatherer.open === batch) gatherer.open = null;
    return queryAttempts(batch.ctx, [...batch.attempts.values()], "confirmation", {
      unspaced: true,
      claims: batch.claims,
    }).catch((error: unknown) => {
      // Each notification of the batch is then answered FAIL, and QFPay sends it again.
      batch.ctx.log.error({ event: "confirmation.error", attempts: batch.attempts.size, error: errorField(error) });
      return new Map<number, QueryOutcome>();
    });
  });
  gatherer.running = batch.done;
  setTimeout(start, GATHER_MS);
  return batch;
}

/**
 * Asks QFPay what holds for a payment a notification spoke of, and applies that: a signature proves who
 * sent a message, not that what it says holds, so a payment counts (and its stock and receipt follow)
 * only once the query confirms it. When the query contradicts the notification's `claim`, the order is
 * flagged at once. Confirmations arriving together share one query (QFPay's takes a list of numbers): a
 * burst of notifications, as when QFPay resends after an outage, costs QFPay and the database one query
 * per batch, and batches run one after another. Not held back by the spacing that limits pollers: each
 * distinct signed notification is worth one query.
 */
export async function confirmPayment(
  ctx: PaymentsContext,
  attempt: Pick<Attempt, "id" | "outTradeNo" | "txdtm">,
  claim?: PaymentClaim,
): Promise<QueryOutcome> {
  let gatherer = gatherers.get(ctx.db);
  if (!gatherer) {
    gatherer = { open: null, running: Promise.resolve() };
    gatherers.set(ctx.db, gatherer);
  }
  const batch = gatherer.open ?? (gatherer.open = openBatch(ctx, gatherer));
  batch.attempts.set(attempt.id, attempt);
  if (claim) batch.claims.set(attempt.id, [...(batch.claims.get(attempt.id) ?? []), claim]);
  if (batch.attempts.size >= ctx.gateway.lookUpBatchSize) {
    gatherer.open = null;
    batch.start();
  }
  return (await batch.done).get(attempt.id) ?? { result: "gateway_unavailable" };
}
