// Loaded into the benchmarked server with `--import` (BENCH_PROBE=1): once a second it appends to
// BENCH_PROBE_FILE what the server's own process shows of a load, the evidence behind the README's account
// of the tail and of the memory: the event loop's delay, garbage collection's pauses, the memory by kind,
// and PGlite's own time (every statement runs synchronously on the server's thread), with its slowest
// statements. Plain JavaScript: it runs inside `next start`, before the app.
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const OUT = process.env.BENCH_PROBE_FILE ?? ".data/bench/probe.log";
const SLOW_MS = 20;
const mb = (bytes) => Math.round(bytes / 2 ** 20);

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let gcPauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push(entry.duration);
}).observe({ entryTypes: ["gc"] });

let statements = 0;
let statementMs = 0;
let slow = [];
let lastStatement = "";
// The app imports PGlite as an ES module (Next keeps it external): the same module instance is patched here.
function timeStatements({ PGlite }) {
  const run = PGlite.prototype.execProtocolRawSync;
  PGlite.prototype.execProtocolRawSync = function timed(message, ...rest) {
    const started = performance.now();
    try {
      return run.call(this, message, ...rest);
    } finally {
      const ms = performance.now() - started;
      statements += 1;
      statementMs += ms;
      const text = Buffer.from(message)
        .toString("latin1")
        .replace(/[^\x20-\x7e]+/g, " ")
        .trim();
      // The extended protocol sends the statement once (Parse) and runs it later (Execute, Sync).
      if (text.startsWith("P") || text.startsWith("Q")) lastStatement = text.slice(0, 120);
      if (ms > SLOW_MS) slow.push(`${Math.round(ms)} ms: ${text.slice(0, 20)} … of ${lastStatement}`);
    }
  };
}
const projectRequire = createRequire(`${process.cwd()}/package.json`);
import(projectRequire.resolve("@electric-sql/pglite").replace(/\.cjs$/, ".js"))
  .then(timeStatements)
  .catch(() => undefined); // not installed: nothing to time

setInterval(() => {
  const memory = process.memoryUsage();
  const pauses = gcPauses.reduce((sum, ms) => sum + ms, 0);
  const line = [
    new Date().toISOString().slice(11, 19),
    `rss ${mb(memory.rss)} MB (heap ${mb(memory.heapUsed)}/${mb(memory.heapTotal)}, external ${mb(memory.external)})`,
    `loop delay p50 ${Math.round(loop.percentile(50) / 1e6)} p99 ${Math.round(loop.percentile(99) / 1e6)} max ${Math.round(loop.max / 1e6)} ms`,
    `gc ${gcPauses.length} pauses, ${Math.round(pauses)} ms, longest ${Math.round(Math.max(0, ...gcPauses))} ms`,
    `pglite ${statements} messages, ${Math.round(statementMs)} ms`,
  ].join(" | ");
  appendFileSync(OUT, `${line}\n${slow.map((s) => `    slow ${s}\n`).join("")}`);
  loop.reset();
  gcPauses = [];
  statements = 0;
  statementMs = 0;
  slow = [];
}, 1000).unref();
