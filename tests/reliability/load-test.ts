import type autocannon from "autocannon";
import path from "node:path";
import { openDatabase } from "@/lib/db/connection";
import { ensureProductionBuild, startProductionServer } from "../support/production-server";
import {
  cashierSyssnIn,
  fillCart,
  floodNotifications,
  holdSandboxNotifications,
  notificationsFor,
  payInSandbox,
  shopperNumber,
  stockSandboxShop,
} from "../support/shop-fixtures";
import { checkInvariants } from "./invariants";
import { freshDatabase } from "./test-databases";
import { pool, type PoolStats } from "./pool";

/**
 * Many concurrent checkouts, then every payment's notification sent at once with a third of them
 * duplicated and all of them shuffled, against `next start` on 127.0.0.1; then the database is checked:
 * zero lost orders, zero double transitions, zero 5xx. `LOAD_SCALE=full` runs the figures of
 * docs/reliability.md; the default is the small run CI makes.
 */

const FULL = process.env.LOAD_SCALE === "full";
const SCALE = FULL
  ? { orders: 1000, concurrency: 32, timeLimitMs: 300_000 }
  : { orders: 60, concurrency: 8, timeLimitMs: 90_000 };
const PORT = Number(process.env.RELIABILITY_PORT ?? 3211);

interface Placed {
  orderId: string;
  syssn: string;
}

/** Enough of every product for the full-scale run's orders (up to two items each). */
const LOAD_STOCK = 10_000;

async function main() {
  ensureProductionBuild();
  const engine = process.env.TEST_POSTGRES_URL && process.env.LOAD_ENGINE === "postgres" ? "postgres" : "pglite";
  const database = await freshDatabase(engine, path.join(".data", "reliability", "load"));
  const server = await startProductionServer({ port: PORT, database: database.server });
  const deadline = Date.now() + SCALE.timeLimitMs;
  const problems: string[] = [];
  let checkoutStats: PoolStats<Placed>;
  let flood: autocannon.Result;
  let planned = 0;
  try {
    // Every notification comes from this script: the sandbox holds its own back.
    await holdSandboxNotifications(server.baseUrl, SCALE.orders);
    await stockSandboxShop(server.baseUrl, LOAD_STOCK);

    checkoutStats = await pool(SCALE.orders, SCALE.concurrency, deadline, async (i) => {
      const shopper = shopperNumber(server.baseUrl, i);
      await fillCart(shopper, i);
      const { orderId } = await shopper.checkout({
        wallet: i % 2 === 0 ? "alipayhk" : "alipay",
        email: `load-${i}@example.com`,
      });
      if (!orderId) throw new Error("a desktop checkout goes to the order page");
      const syssn = cashierSyssnIn(await shopper.page(`/orders/${orderId}`));
      if (!syssn) throw new Error(`order ${orderId} shows no payment link`);
      await payInSandbox(server.baseUrl, syssn);
      return { orderId, syssn };
    });

    const notes = await notificationsFor(
      server.baseUrl,
      checkoutStats.results.map((placed) => placed.syssn),
      1 / 3,
    );
    planned = notes.length;
    flood = await floodNotifications(server.baseUrl, notes, SCALE.concurrency);
    if (Date.now() > deadline) problems.push("the run went over its time limit");
    // The shop confirms each first notification with a query after answering; let those finish.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  } finally {
    await server.stop();
  }

  const handle = await openDatabase(database.open);
  try {
    const ledger = await checkInvariants(handle.db, { settled: true, stockedTo: LOAD_STOCK });
    problems.push(...ledger.problems);
    const placed = checkoutStats.results.length;
    if (checkoutStats.failures.length > 0)
      problems.push(
        `${checkoutStats.failures.length} checkouts failed: ${checkoutStats.failures.slice(0, 3).join("; ")}`,
      );
    if (ledger.orders !== placed) problems.push(`${placed} checkouts answered, ${ledger.orders} orders stored`);
    if (ledger.paidOrders !== placed) problems.push(`${ledger.paidOrders} of ${placed} orders paid`);
    const ok = flood.statusCodeStats?.["200"]?.count ?? 0;
    const serverErrors = flood["5xx"];
    if (ok !== planned)
      problems.push(
        `${ok} of ${planned} notifications answered 200 (${flood.non2xx} non-2xx, ${flood.errors} errors, ${flood.timeouts} timeouts)`,
      );
    if (serverErrors > 0) problems.push(`${serverErrors} notifications answered 5xx`);

    const report = {
      scale: FULL ? "full" : "small",
      engine,
      concurrency: SCALE.concurrency,
      checkouts: {
        attempted: SCALE.orders,
        answered: placed,
        failed: checkoutStats.failures.length,
        seconds: checkoutStats.seconds,
        p50ms: checkoutStats.p50,
        p99ms: checkoutStats.p99,
      },
      notifications: {
        sent: planned,
        duplicates: planned - placed,
        ok,
        status5xx: serverErrors,
        errors: flood.errors,
        perSecond: Math.round(flood.requests.average),
        p50ms: flood.latency.p50,
        p99ms: flood.latency.p99,
      },
      orders: {
        stored: ledger.orders,
        paid: ledger.paidOrders,
        lost: Math.max(0, placed - ledger.orders),
        doubleTransitions: ledger.problems.filter((p) => /side effects|order\.paid events/.test(p)).length,
      },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await handle.close();
    await database.drop();
  }
  if (problems.length > 0) {
    console.error(`load test FAILED:\n  - ${problems.slice(0, 20).join("\n  - ")}`);
    process.exit(1);
  }
  console.log("load test ok: no lost order, no double transition, no 5xx");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
