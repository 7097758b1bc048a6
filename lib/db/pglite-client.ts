import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/**
 * PGlite runs Postgres inside the server's own process and thread: every statement is synchronous
 * WebAssembly on the event loop. Two settings make that fit a web server.
 *
 * - Statements take turns with the event loop. PGlite hands its one connection from a finished statement to
 *   the next waiting one through a promise, so under a burst every queued request's database work ran
 *   back to back in one turn of the loop, and for as long as a second no finished answer was written and
 *   no new request read (the notification tail in the README's Performance section). Each turn now starts
 *   on the next loop iteration, once the I/O that waits has been served.
 * - A 16 MB buffer pool instead of Postgres's 128 MB: PGlite touches its whole pool as it starts, so the
 *   default stayed in the server's resident memory for good. A shop's hot rows fit in a small pool, and the
 *   rest is read back from the operating system's file cache. How a commit is written does not change.
 */
class PGliteTakingTurns extends PGlite {
  // Every query, exec and transaction of PGlite 0.5 passes through this one lock (its source; the bench's
  // notification row shows the tail if an upgrade ever routes around it).
  override _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T> {
    return super._runExclusiveTransaction(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return work();
    });
  }
}

const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** PGlite in `dataDir` (created if missing), or in memory with `"memory"`. */
export function openPGlite(dataDir: string): PGlite {
  if (dataDir === "memory") return new PGliteTakingTurns({ startParams: START_PARAMS });
  mkdirSync(dataDir, { recursive: true });
  return new PGliteTakingTurns(dataDir, { startParams: START_PARAMS });
}
