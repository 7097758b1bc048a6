import "server-only";
import { after } from "next/server";
import { errorField, logger } from "./log";

/**
 * Runs a task after the answer is out (Next's `after()`, which keeps a serverless function alive until
 * it ends), or at once outside a request's scope (scripts, start-up). Nobody waits for its result, so a
 * failure is logged here and goes no further.
 */
export function deferTask(task: () => Promise<unknown>): void {
  const run = () =>
    task().catch((error: unknown) => logger.error({ event: "deferred.error", error: errorField(error) }));
  try {
    after(run);
  } catch {
    // Outside a request's scope after() throws: there is no answer to wait for, so run it now.
    void run();
  }
}
