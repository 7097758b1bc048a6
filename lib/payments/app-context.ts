import "server-only";
import { after } from "next/server";
import { getDb } from "../db/database";
import { getConfig } from "../env";
import { createQfpayClient } from "../qfpay/client";
import type { PaymentsContext } from "./context";

/** The payments context of the running shop: its database, its QFPay (or sandbox) client, Next's `after()`. */
export async function getPaymentsContext(): Promise<PaymentsContext> {
  const config = getConfig();
  return {
    db: await getDb(),
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
    defer: (task) => after(task),
  };
}
