import "server-only";
import { getDb } from "../db/database";
import { deferTask } from "../defer-task";
import { getConfig } from "../env";
import type { PaymentsContext } from "../payments/context";
import { getCbtisSandbox } from "../sandbox/cbtis/instance";
import { getSandboxGateway } from "../sandbox/instance";
import { getSessionSecret } from "../session-secret";
import { buildPaymentsContext } from "./build-payments-context";
import { chooseGateway } from "./choose-gateway";

/**
 * The composition root: the payments context of the running shop, on its database, through the gateway
 * its configuration chooses, deferring work with Next's `after()`. In sandbox mode the request stays
 * alive until the notifications a call queued have gone out, as with the sandbox's route.
 */
export async function getPaymentsContext(): Promise<PaymentsContext> {
  const config = getConfig();
  const gateway = chooseGateway(config, await getSandboxGateway(), await getCbtisSandbox());
  return buildPaymentsContext(config, gateway, {
    db: await getDb(),
    sessionSecret: await getSessionSecret(),
    defer: deferTask,
  });
}
