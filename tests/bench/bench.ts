import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { orderUrl } from "@/lib/payments/order-access";
import { pool } from "../reliability/pool";
import { freshDatabase } from "../reliability/test-databases";
import { ensureProductionBuild, SERVER_SECRETS, startProductionServer } from "../support/production-server";
import {
  cashierSyssnIn,
  fillCart,
  holdSandboxNotifications,
  notificationsFor,
  payInSandbox,
  shopperNumber,
  stockSandboxShop,
} from "../support/shop-fixtures";
import { PHONE_AGENT } from "../support/shop-http-client";
import { measureColdStart } from "./cold-start";
import { measurePaidLatency } from "./paid-latency";
import { cpuPerRequest, peakRssMb, resetPeakRss, rssMb, waitForIdle, type ServerCpu } from "./server-process";
import { measureDatabaseFloor } from "./database-floor";
import { openDatabase } from "@/lib/db/connection";
import { auditPages, shopperPages, type PageAudit } from "./lighthouse-pages";
import {
  measureBareRoute,
  measureCheckouts,
  measureNotifications,
  measureStatusPolling,
  type Throughput,
} from "./load-measures";

/**
 * `npm run bench`: the shop's speed as ratios against its own floor (a route handler returning a
 * constant) measured on the same server in the same run, so the figures mean something on any machine.
 * Starts the production build with the sandbox on 127.0.0.1, runs bounded loads, audits the pages with
 * Lighthouse, stops everything, prints one markdown table and writes it as JSON.
 */

const PORT = Number(process.env.BENCH_PORT ?? 3220);
const CHECKOUTS = { warmUp: 30, sequential: 100, concurrent: 300, concurrency: 8 };
const NOTIFY_CONNECTIONS = 32;
const STATUS_CONNECTIONS = 32;
const SECONDS = 8;
// Orders paid while their QR page is open in Chromium, timed from the notification's SUCCESS to Paid shown.
const PAID_RUNS = Number(process.env.BENCH_PAID_RUNS ?? 30);
const OUT = path.join(".data", "bench", "results.json");

const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;
const yes = (met: boolean) => (met ? "yes" : "**no**");

async function main() {
  ensureProductionBuild();
  const engine = process.env.TEST_POSTGRES_URL && process.env.BENCH_ENGINE === "postgres" ? "postgres" : "pglite";
  const database = await preparedDatabase(engine, "db");
  // BENCH_PROFILE=dir writes the server's CPU profile there (open it in Chrome's DevTools).
  const nodeArgs = process.env.BENCH_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
    : [];
  // BENCH_PROBE=1 appends the server's own view of the loads to .data/bench/probe.log (server-probe.mjs).
  if (process.env.BENCH_PROBE) nodeArgs.push("--import", path.resolve(__dirname, "server-probe.mjs"));
  const server = await startProductionServer({ port: PORT, database: database.server, nodeArgs });
  const url = server.baseUrl;
  const deadline = Date.now() + 10 * 60_000;
  let results;
  try {
    await measureBareRoute(url, 8, 3); // warm-up: JIT, connections, route compilation
    await waitForIdle(server.pid);
    const idleRss = rssMb(server.pid);
    const peakFromHere = resetPeakRss(server.pid);
    // The floor, on the quiet server, at each concurrency the loads use.
    // Each load's server CPU a request: where its bound lies (the server's own work, or waiting).
    const withCpu = <T>(load: () => Promise<T>, requests: (result: T) => number) =>
      cpuPerRequest(server.pid, load, requests);
    const answered = (t: Throughput) => t.requests;
    const bareCheckout = await withCpu(() => measureBareRoute(url, CHECKOUTS.concurrency, SECONDS), answered);
    const bare = await withCpu(() => measureBareRoute(url, NOTIFY_CONNECTIONS, SECONDS), answered);

    // Checkout: carts filled and the checkout page loaded first; only the submit → pay_url is timed.
    const total = CHECKOUTS.warmUp + CHECKOUTS.sequential + CHECKOUTS.concurrent;
    await holdSandboxNotifications(url, total);
    await stockSandboxShop(url, 100_000);
    const prepared = await pool(total, 8, deadline, async (i) => {
      const shopper = shopperNumber(url, i, PHONE_AGENT);
      await fillCart(shopper, i);
      return { shopper, html: await shopper.page("/checkout") };
    });
    await waitForIdle(server.pid);
    // Untimed first: the server loads each route's code on its first request, and the JIT warms to it.
    const warmUp = await measureCheckouts(prepared.results.slice(0, CHECKOUTS.warmUp), CHECKOUTS.concurrency);
    // As for every load: what the warm-up left behind (its after() work) is not timed against the next one.
    await waitForIdle(server.pid);
    const sequential = await measureCheckouts(
      prepared.results.slice(CHECKOUTS.warmUp, CHECKOUTS.warmUp + CHECKOUTS.sequential),
      1,
    );
    const concurrent = await withCpu(
      () => measureCheckouts(prepared.results.slice(CHECKOUTS.warmUp + CHECKOUTS.sequential), CHECKOUTS.concurrency),
      (timed) => timed.count,
    );

    // Notifications: every checkout paid, QFPay's notifications sent at once, a third of them twice.
    const syssnsOf = (payUrls: string[]) => payUrls.map((payUrl) => cashierSyssnIn(payUrl)!);
    const warmSyssns = syssnsOf(warmUp.payUrls);
    const syssns = syssnsOf([...sequential.payUrls, ...concurrent.payUrls]);
    const paying = [...warmSyssns, ...syssns];
    await pool(paying.length, 8, deadline, (i) => payInSandbox(url, paying[i]!));
    await measureNotifications(url, await notificationsFor(url, warmSyssns, 1 / 3), NOTIFY_CONNECTIONS); // untimed, as above
    const notes = await notificationsFor(url, syssns, 1 / 3);
    await waitForIdle(server.pid);
    const notifications = await withCpu(() => measureNotifications(url, notes, NOTIFY_CONNECTIONS), answered);

    // Status polling: order pages of orders still awaiting payment, each opened by its signed link.
    const waiting = await pool(20, 4, deadline, async (i) => {
      const shopper = shopperNumber(url, 50_000 + i);
      await fillCart(shopper, i);
      const { orderId } = await shopper.checkout();
      return orderUrl(url, orderId!, SERVER_SECRETS.SESSION_SECRET);
    });
    await waitForIdle(server.pid);
    const status = await withCpu(
      () => measureStatusPolling(url, waiting.results, STATUS_CONNECTIONS, SECONDS),
      answered,
    );
    await waitForIdle(server.pid);
    const paidLatency = await measurePaidLatency(url, PAID_RUNS);

    // Pages: a shopper with a cart and an order awaiting payment.
    const visitor = shopperNumber(url, 60_000);
    await fillCart(visitor, 0);
    const { orderId } = await visitor.checkout();
    await fillCart(visitor, 1);
    const cookie = visitor.cookieHeader();
    // BENCH_PAGES=skip leaves Lighthouse out, for quicker runs while working on the loads.
    const pages = process.env.BENCH_PAGES === "skip" ? [] : await auditPages(url, shopperPages(orderId!, cookie));

    results = {
      paidLatency,
      notifications,
      bare,
      status,
      sequential,
      concurrent,
      bareCheckout,
      pages,
      idleRss,
      peakRss: peakRssMb(server.pid),
      peakFromHere,
      notes: notes.length,
      checkoutFailures: sequential.failures + concurrent.failures,
    };
  } finally {
    await server.stop();
    await database.drop();
  }
  // The database's floor, with the shop stopped: the same engine, a database of its own.
  const floorDatabase = await preparedDatabase(engine, "floor-db");
  const databaseFloor = await measureDatabaseFloor(floorDatabase.server, PORT + 1, NOTIFY_CONNECTIONS, SECONDS).finally(
    () => floorDatabase.drop(),
  );
  // On its own quiet machine, after the loads: a new instance on an already migrated PostgreSQL.
  const coldStart = process.env.TEST_POSTGRES_URL ? await measureColdStart(PORT) : null;

  const { notifications, bare, status, sequential, concurrent, bareCheckout, pages, idleRss, peakRss } = results;
  const memoryTarget = engine === "pglite" ? 300 : 200;
  const { paidLatency } = results;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${engine === "pglite" ? "embedded PGlite" : "PostgreSQL"}`;
  const lines = [
    `Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| Measure | Result | Floor: bare route, same server | Ratio | Target | Met |",
    "| --- | --- | --- | --- | --- | --- |",
    row(
      "Checkout → pay_url, one at a time",
      `p50 ${sequential.p50} ms, p99 ${sequential.p99} ms`,
      "",
      "",
      "p50 < 30 ms, p99 < 100 ms",
      yes(sequential.p50 < 30 && sequential.p99 < 100),
    ),
    row(
      `Checkout → pay_url, ${CHECKOUTS.concurrency} concurrent`,
      `${concurrent.perSecond}/s, p50 ${concurrent.p50} ms, p99 ${concurrent.p99} ms${cpu(concurrent)}`,
      floor(bareCheckout),
      pct(concurrent.perSecond, bareCheckout.perSecond),
      "p99 < 100 ms",
      yes(concurrent.p99 < 100 && concurrent.failures === 0),
    ),
    row(
      `Notifications, ${NOTIFY_CONNECTIONS} concurrent, ⅓ duplicates (${results.notes})`,
      `${notifications.perSecond}/s applied, p50 ${notifications.p50} ms, p99 ${notifications.p99} ms, ${notifications.non2xx} failed${cpu(notifications)}`,
      floor(bare),
      `${pct(notifications.perSecond, bare.perSecond)} (of the database floor: ${pct(notifications.perSecond, databaseFloor.perSecond)})`,
      engine === "pglite" ? "p99 < 100 ms" : "≥ 25% of the floor, p99 < 50 ms",
      yes(
        notifications.non2xx === 0 &&
          (engine === "pglite"
            ? notifications.p99 < 100
            : notifications.perSecond >= 0.25 * bare.perSecond && notifications.p99 < 50),
      ),
    ),
    row(
      `The database's floor: one insert and one guarded update in a transaction, bare Node, ${NOTIFY_CONNECTIONS} concurrent`,
      `${databaseFloor.perSecond}/s, p50 ${databaseFloor.p50} ms, p99 ${databaseFloor.p99} ms, ${databaseFloor.non2xx} failed, peak RSS ${databaseFloor.peakRssMb ?? "n/a"} MB`,
      floor(bare),
      pct(databaseFloor.perSecond, bare.perSecond),
      "",
      "",
    ),
    row(
      `Order status polling, ${STATUS_CONNECTIONS} concurrent`,
      `${status.perSecond}/s, p50 ${status.p50} ms, p99 ${status.p99} ms, ${status.non2xx} non-2xx${cpu(status)}`,
      floor(bare),
      pct(status.perSecond, bare.perSecond),
      "",
      "",
    ),
    row(
      `Notification's SUCCESS → QR page shows Paid, Chromium, ${paidLatency.runs} runs`,
      `p50 ${paidLatency.p50} ms, p99 ${paidLatency.p99} ms (from the notification sent: p50 ${paidLatency.fromSendP50} ms, p99 ${paidLatency.fromSendP99} ms), ${paidLatency.polls} polls, load ${paidLatency.load.join(" → ")}`,
      "",
      "",
      "p50 < 300 ms, p99 < 1 s",
      yes(paidLatency.p50 < 300 && paidLatency.p99 < 1000),
    ),
    row(
      "Server memory (RSS): idle after start and warm-up; peak during the loads",
      idleRss === null || peakRss === null
        ? "n/a (Linux only)"
        : `idle ${idleRss} MB; peak ${peakRss} MB${results.peakFromHere ? "" : " (since the start)"}`,
      "",
      "",
      `peak < ${memoryTarget} MB`,
      peakRss === null ? "" : yes(peakRss < memoryTarget),
    ),
    coldStart
      ? row(
          "Cold start, VERCEL=1, PostgreSQL already migrated: spawn → first page",
          `median ${coldStart.median} ms (${coldStart.runs.join(", ")} ms), ${coldStart.migrationsApplied} migrations run`,
          "",
          "",
          "< 1500 ms, no migration",
          yes(coldStart.median < 1500 && coldStart.migrationsApplied === 0),
        )
      : row("Cold start on PostgreSQL", "n/a (set TEST_POSTGRES_URL)", "", "", "< 1500 ms, no migration", ""),
    "",
    "| Page | Preset | Performance | Accessibility | Best practices | JavaScript (compressed) | Fonts | Met |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...pages.map(
      (p) =>
        `| ${p.page} | ${p.preset} | ${p.performance} | ${p.accessibility} | ${p.bestPractices} | ${(p.jsBytes / 1024).toFixed(1)} kB | ${(p.fontBytes / 1024).toFixed(1)} kB | ${yes(pageMet(p))} |`,
    ),
  ];
  console.log(lines.join("\n"));
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    JSON.stringify({ machine, date: new Date().toISOString(), ...results, databaseFloor, coldStart }, null, 2),
  );
  console.log(`\n(also written to ${OUT})`);
}

/**
 * A fresh database. PGlite's first start in a new folder runs initdb (about 700 MB for a moment, once per
 * folder): the bench measures a shop's every later start, so a PGlite folder is made here first.
 */
async function preparedDatabase(engine: "pglite" | "postgres", name: string) {
  const database = await freshDatabase(engine, path.join(".data", "bench", name));
  if ("pgliteDir" in database.server) await (await openDatabase({ dataDir: database.server.pgliteDir })).close();
  return database;
}

function floor(t: Throughput & ServerCpu): string {
  return `${t.perSecond}/s, p99 ${t.p99} ms${cpu(t)}`;
}

/** The server's CPU a request, and how busy it kept one core, when /proc tells. */
function cpu({ cpuMs, busy }: ServerCpu): string {
  return cpuMs === null || busy === null
    ? ""
    : `; server CPU ${cpuMs} ms a request, ${Math.round(100 * busy)} % of a core`;
}

function row(...cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** Targets: performance ≥ 98 on mobile, accessibility 100, under 150 kB of compressed JavaScript. */
function pageMet(p: PageAudit): boolean {
  return (p.preset !== "mobile" || p.performance >= 98) && p.accessibility === 100 && p.jsBytes < 150 * 1024;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
