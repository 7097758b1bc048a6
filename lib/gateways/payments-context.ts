import "server-only";
import { getDb } from "../db/database";
import { deferTask } from "../defer-task";
import { getConfig } from "../env";
import { getSessionSecret } from "../session-secret";
import { inProcessSandboxFetch } from "../sandbox/in-process-fetch";
import { getSandboxGateway } from "../sandbox/instance";
import { buildPaymentsContext } from "./build-payments-context";
import type { PaymentsContext } from "../payments/context";

/**
 * The payments context of the running shop, deferring work with Next's `after()`. In sandbox mode its
 * QFPay client calls the sandbox of this same process directly (lib/sandbox/in-process-fetch.ts), and
 * the request stays alive until the notifications a call queued have gone out, as with the sandbox's route.
 */
export async function getPaymentsContext(): Promise<PaymentsContext> {
  const config = getConfig();
  const gateway = await getSandboxGateway();
  const fetch = gateway ? inProcessSandboxFetch(gateway, config.siteUrl) : undefined;
  return buildPaymentsContext(config, await getDb(), await getSessionSecret(), deferTask, fetch);
}
