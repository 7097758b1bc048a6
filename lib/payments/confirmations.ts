import type { Db } from "../db/connection";
import type { PaymentsContext } from "./context";
import { MAX_QUERY_BATCH, queryAttempts } from "./query-attempt";
import type { Attempt } from "./settle-attempt";

/** How long a confirmation waits for others to share its query. */
const GATHER_MS = 20;

interface Batch {
  ctx: PaymentsContext;
  attempts: Map<number, Pick<Attempt, "id" | "outTradeNo" | "txdtm">>;
  done: Promise<void>;
  start: () => void;
}

interface Gatherer {
  open: Batch | null;
  /** The batch being queried: the next one waits for it, so confirmations never pile up in parallel. */
  running: Promise<void>;
}

// One per database: the running shop has one; tests run several shops in one process.
const gatherers = new WeakMap<Db, Gatherer>();

function openBatch(ctx: PaymentsContext, gatherer: Gatherer): Batch {
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  const batch: Batch = { ctx, attempts: new Map(), start, done: Promise.resolve() };
  const previous = gatherer.running;
  batch.done = Promise.all([started, previous]).then(async () => {
    if (gatherer.open === batch) gatherer.open = null;
    await queryAttempts(batch.ctx, [...batch.attempts.values()], "confirmation").catch(() => undefined);
  });
  gatherer.running = batch.done;
  setTimeout(start, GATHER_MS);
  return batch;
}

/**
 * Confirms a payment with QFPay after its notification was answered. A signature proves who sent a
 * notification, not when; the query says what holds now. Confirmations arriving together share one
 * query (QFPay's takes a list of numbers): a burst of notifications, as when QFPay resends after an
 * outage, costs QFPay and the database one query per batch, and batches run one after another.
 * Resolves when this attempt's query is done (serverless hosts keep the function alive until then).
 */
export function confirmPayment(ctx: PaymentsContext, attempt: Pick<Attempt, "id" | "outTradeNo" | "txdtm">): Promise<void> {
  let gatherer = gatherers.get(ctx.db);
  if (!gatherer) {
    gatherer = { open: null, running: Promise.resolve() };
    gatherers.set(ctx.db, gatherer);
  }
  const batch = gatherer.open ?? (gatherer.open = openBatch(ctx, gatherer));
  batch.attempts.set(attempt.id, attempt);
  if (batch.attempts.size >= MAX_QUERY_BATCH) {
    gatherer.open = null;
    batch.start();
  }
  return batch.done;
}
