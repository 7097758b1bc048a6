import os from "node:os";
import path from "node:path";
import { freshDatabase } from "../reliability/test-databases";
import { ensureProductionBuild, startProductionServer } from "../support/production-server";
import { stockSandboxShop } from "../support/shop-fixtures";
import { measurePaidLatency } from "./paid-latency";

/**
 * The live-status measure of `npm run bench`, alone, on a fresh database:
 *   npx tsx --conditions=react-server tests/bench/paid-latency-main.ts
 * `BENCH_ENGINE=postgres` (with `TEST_POSTGRES_URL`) runs it on PostgreSQL; `BENCH_PAID_RUNS` sets the
 * runs (30); `PAID_PORT` moves it off port 3250. Prints the table row `npm run bench` prints.
 */

const PORT = Number(process.env.PAID_PORT ?? 3250);

async function main() {
  ensureProductionBuild();
  const engine = process.env.TEST_POSTGRES_URL && process.env.BENCH_ENGINE === "postgres" ? "postgres" : "pglite";
  const database = await freshDatabase(engine, path.join(".data", "bench-paid", "db"));
  const server = await startProductionServer({ port: PORT, database: database.server });
  try {
    await stockSandboxShop(server.baseUrl, 10_000);
    const result = await measurePaidLatency(server.baseUrl, Number(process.env.BENCH_PAID_RUNS ?? 30));
    console.log(
      `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.versions.node}, ${engine}; ${new Date().toISOString()}`,
    );
    console.log(
      `| Notification's SUCCESS → QR page shows Paid, Chromium, ${result.runs} runs | p50 ${result.p50} ms, p99 ${result.p99} ms (from the notification sent: p50 ${result.fromSendP50} ms, p99 ${result.fromSendP99} ms), ${result.polls} polls, load ${result.load.join(" → ")} | p50 < 300 ms, p99 < 1 s | ${result.p50 < 300 && result.p99 < 1000 ? "yes" : "**no**"} |`,
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
