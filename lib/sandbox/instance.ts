import "server-only";
import { getDb } from "../db/database";
import { deferTask } from "../defer-task";
import { getConfig } from "../env";
import { createSandboxGateway, type SandboxGateway } from "./gateway";

const holder = globalThis as typeof globalThis & { __sandboxGateway?: Promise<SandboxGateway> };

/** The running shop's sandbox gateway, or null outside sandbox mode: then it does not exist at all. */
export async function getSandboxGateway(): Promise<SandboxGateway | null> {
  const config = getConfig();
  if (config.qfpay.environment !== "sandbox") return null;
  holder.__sandboxGateway ??= getDb().then((db) =>
    createSandboxGateway({
      db,
      publicBaseUrl: config.siteUrl,
      registeredNotifyUrl: `${config.siteUrl}/api/qfpay/notify`,
      defer: deferTask,
      retryTimer: !config.serverless,
    }),
  );
  return holder.__sandboxGateway;
}

/**
 * Sandbox mode: sends, after this request's answer, the notifications that fell due since the last
 * request (QFPay's retries). Requests that touch an order or the sandbox call it, so that no delivery
 * waits on a timer a frozen serverless instance would never run.
 */
export async function deliverDueSandboxNotifications(): Promise<void> {
  const gateway = await getSandboxGateway();
  if (gateway) deferTask(() => gateway.deliverNotifications());
}
