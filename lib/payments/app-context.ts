import "server-only";
import { after } from "next/server";
import pLimit, { type LimitFunction } from "p-limit";
import { getDb } from "../db/database";
import { getConfig } from "../env";
import { inProcessSandboxFetch } from "../sandbox/in-process-fetch";
import { getSandboxGateway } from "../sandbox/instance";
import { buildPaymentsContext } from "./build-context";
import type { PaymentsContext } from "./context";

/**
 * Work deferred past the answer (the query that confirms each notification, mostly) runs a few tasks at
 * a time. A burst of notifications (QFPay resending after an outage, a load test) would otherwise start
 * one task per notification at once, and their queries would queue ahead of the requests being answered.
 */
const DEFERRED_CONCURRENCY = 4;
const holder = globalThis as typeof globalThis & { __shopDeferred?: LimitFunction };
const deferred = (holder.__shopDeferred ??= pLimit(DEFERRED_CONCURRENCY));

/** Runs a task after the answer is out (Next's `after()`), or at once outside a request's scope. */
function deferTask(task: () => Promise<unknown>): void {
  const run = () => deferred(task).catch(() => undefined);
  try {
    after(run);
  } catch {
    void run();
  }
}

/**
 * The payments context of the running shop, deferring work with Next's `after()`. In sandbox mode its
 * QFPay client calls the sandbox of this same process directly (lib/sandbox/in-process-fetch.ts), and
 * the request stays alive until the notifications a call queued have gone out, as with the sandbox's route.
 */
export async function getPaymentsContext(): Promise<PaymentsContext> {
  const config = getConfig();
  const gateway = await getSandboxGateway();
  const fetch = gateway ? inProcessSandboxFetch(gateway, config.siteUrl, () => deferTask(() => gateway.deliveriesSettled())) : undefined;
  return buildPaymentsContext(config, await getDb(), deferTask, fetch);
}
