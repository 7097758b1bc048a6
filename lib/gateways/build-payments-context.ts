import type { Db } from "../db/connection";
import type { Config } from "../env";
import { createQfpayClient } from "../qfpay/client";
import type { PaymentsContext } from "../payments/context";
import { logger as processLogger, type Logger } from "../log";
import { withGatewayLog } from "./gateway-log";

/** The payments context for a configuration: the shop's database and its QFPay (or sandbox) client. */
export function buildPaymentsContext(
  config: Config,
  db: Db,
  sessionSecret: string,
  defer: PaymentsContext["defer"],
  fetch?: typeof globalThis.fetch,
  log: Logger = processLogger,
): PaymentsContext {
  const client = createQfpayClient({
    baseUrl: config.qfpay.apiBase,
    appCode: config.qfpay.appCode,
    clientKey: config.qfpay.clientKey,
    signType: config.qfpay.signType,
    mchid: config.qfpay.mchid,
    fetch,
  });
  return {
    db,
    qfpay: withGatewayLog(client, log),
    siteUrl: config.siteUrl,
    mode: config.qfpay.environment,
    sessionSecret,
    clientKey: config.qfpay.clientKey,
    currency: config.storeCurrency,
    expiredMinutes: config.qfpay.expiredMinutes,
    querySpacingMs: 3_000,
    // The sandbox stores a payment before it answers, so its silence is final almost at once; QFPay's
    // own records can lag behind its answer, so the shop waits before it believes a payment never arrived.
    notFoundGraceMs: config.qfpay.environment === "sandbox" ? 5_000 : 120_000,
    now: () => new Date(),
    defer,
    log,
  };
}
