import "server-only";
import { getDb } from "../db/database";
import { getConfig } from "../env";
import { createSandboxGateway, type SandboxGateway } from "./gateway";

const holder = globalThis as typeof globalThis & { __sandboxGateway?: Promise<SandboxGateway> };

/** The running shop's sandbox gateway, or null outside sandbox mode: then it does not exist at all. */
export async function getSandboxGateway(): Promise<SandboxGateway | null> {
  const config = getConfig();
  if (config.qfpay.environment !== "sandbox") return null;
  holder.__sandboxGateway ??= getDb().then((db) =>
    createSandboxGateway({ db, publicBaseUrl: config.siteUrl, registeredNotifyUrl: `${config.siteUrl}/api/qfpay/notify` }),
  );
  return holder.__sandboxGateway;
}
