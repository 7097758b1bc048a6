import type { Db } from "../db/connection";
import type { Config } from "../env";
import { logger as processLogger, type Logger } from "../log";
import { createQfpayClient } from "../qfpay/client";
import type { PaymentsContext } from "../payments/context";
import type { GatewayWiring } from "./gateway-wiring";
import { withGatewayLog } from "./gateway-log";
import { withCbtisLog } from "./cbtis/cbtis-log";
import { unverifiedWebhooks } from "../cbtis/webhook";
import { qfpayGateway } from "./qfpay/qfpay-gateway";
import { smtpMailer } from "../mail/smtp-mailer";
import { deliverDueMail } from "../payments/deliver-mail";
import { onMailQueued } from "../payments/store/transaction";
import { cbtisGateway } from "./cbtis/cbtis-gateway";
import { cbtisClientFor } from "./cbtis/cbtis-client-for";
import type { PaymentGateway } from "../payments/gateway";

export interface ContextDependencies {
  db: Db;
  sessionSecret: string;
  defer: PaymentsContext["defer"];
  log?: Logger;
}

/**
 * Timings a test may shorten or shift; the shop runs with the defaults. Named here, not hand-built elsewhere,
 * so that a test's shop is wired the way the real one is in every other respect.
 */
export interface ContextTiming {
  /** The client's deadline for one QFPay call (lib/qfpay/client.ts has the default). */
  gatewayTimeoutMs?: number;
  querySpacingMs?: number;
  notFoundGraceMs?: number;
  /** The shop's clock: a test moves it to cross a month, a window or an expiry. */
  now?: () => Date;
}

/** The payments context for a configuration and a gateway: what every use case is handed. */
export function buildPaymentsContext(
  config: Config,
  gateway: GatewayWiring,
  deps: ContextDependencies,
  timing: ContextTiming = {},
): PaymentsContext {
  const log = deps.log ?? processLogger;
  const ctx: PaymentsContext = {
    db: deps.db,
    gateway: gatewayFor(config, gateway, log, timing.gatewayTimeoutMs),
    siteUrl: config.siteUrl,
    mode: config.qfpay.environment,
    sessionSecret: deps.sessionSecret,
    currency: config.storeCurrency,
    expiredMinutes: config.qfpay.expiredMinutes,
    // QFPay asks for 3 to 5 s between queries of one transaction.
    querySpacingMs: timing.querySpacingMs ?? 3_000,
    // The sandbox stores a payment before it answers, so its silence is final almost at once; QFPay's
    // own records can lag behind its answer, so the shop waits before it believes a payment never arrived.
    notFoundGraceMs: timing.notFoundGraceMs ?? (config.qfpay.environment === "sandbox" ? 5_000 : 120_000),
    now: timing.now ?? (() => new Date()),
    defer: deps.defer,
    log,
    mailer: config.mail ? smtpMailer(config.mail) : null,
  };
  // A transaction that owed a shopper a message kicks its delivery once it commits, after the response.
  onMailQueued(deps.db, () => ctx.defer(() => deliverDueMail(ctx)));
  return ctx;
}

/** The provider's gateway over its client, each call logged. */
function gatewayFor(config: Config, wiring: GatewayWiring, log: Logger, timeoutMs: number | undefined): PaymentGateway {
  if (wiring.provider === "cbtis")
    return cbtisGateway(withCbtisLog(cbtisClientFor(config, wiring, timeoutMs), log), {
      siteUrl: config.siteUrl,
      verifyWebhook: unverifiedWebhooks,
    });
  const client = qfpayClientFor(config, wiring, timeoutMs);
  return qfpayGateway(withGatewayLog(client, log), { siteUrl: config.siteUrl, clientKey: wiring.clientKey });
}

/** The QFPay client a configuration and its wiring sign with (tests also act with it as QFPay's merchant portal). */
export function qfpayClientFor(config: Config, gateway: GatewayWiring, timeoutMs?: number) {
  if (gateway.provider !== "qfpay") throw new Error("The shop is not wired to QFPay.");
  return createQfpayClient({
    baseUrl: config.qfpay.apiBase,
    appCode: gateway.appCode,
    clientKey: gateway.clientKey,
    signType: config.qfpay.signType,
    mchid: config.qfpay.mchid,
    fetch: gateway.fetch,
    timeoutMs,
  });
}
