import "server-only";
import { after } from "next/server";

/**
 * Runs a task after the answer is out (Next's `after()`, which keeps a serverless function alive until
 * it ends), or at once outside a request's scope (scripts, start-up).
 */
export function deferTask(task: () => Promise<unknown>): void {
  const run = () => task().catch(() => undefined);
  try {
    after(run);
  } catch {
    void run();
  }
}
