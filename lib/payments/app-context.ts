import "server-only";
import { after } from "next/server";
import { getDb } from "../db/database";
import { getConfig } from "../env";
import { inProcessSandboxFetch } from "../sandbox/in-process-fetch";
import { getSandboxGateway } from "../sandbox/instance";
import { buildPaymentsContext } from "./build-context";
import type { PaymentsContext } from "./context";

/** Runs a task after the answer is out (Next's `after()`), or at once outside a request's scope. */
function deferTask(task: () => Promise<unknown>): void {
  const run = () => task().catch(() => undefined);
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
