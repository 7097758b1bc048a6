import type { Db } from "../db/connection";
import type { Config } from "../env";
import { createQfpayClient } from "../qfpay/client";
import type { PaymentsContext } from "./context";

/** The payments context for a configuration: the shop's database and its QFPay (or sandbox) client. */
export function buildPaymentsContext(config: Config, db: Db, defer: PaymentsContext["defer"]): PaymentsContext {
  return {
    db,
    qfpay: createQfpayClient({
      baseUrl: config.qfpay.apiBase,
      appCode: config.qfpay.appCode,
      clientKey: config.qfpay.clientKey,
      signType: config.qfpay.signType,
      mchid: config.qfpay.mchid,
    }),
    siteUrl: config.siteUrl,
    sessionSecret: config.sessionSecret,
    clientKey: config.qfpay.clientKey,
    currency: config.storeCurrency,
    expiredMinutes: config.qfpay.expiredMinutes,
    querySpacingMs: 3_000,
    notFoundGraceMs: 120_000,
    now: () => new Date(),
    defer,
  };
}
